"""photos domain."""
