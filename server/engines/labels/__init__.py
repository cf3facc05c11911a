"""Photo tags: Rekognition DetectLabels in the cloud, honest tags from local engines offline."""
