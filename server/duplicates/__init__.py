"""duplicates domain: exact (SHA-256) and near (64-bit perceptual hash) copies of a user's photos."""
