"""Translation of photo descriptions: Apertium locally, Amazon Translate in the cloud."""
