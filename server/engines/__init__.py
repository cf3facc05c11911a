"""AI engines behind small protocols, each with a local and an AWS implementation."""
