"""albums domain."""
