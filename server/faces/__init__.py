"""Face enrolment, face login decisions and the ``faces`` operator command."""
