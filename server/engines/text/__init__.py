"""Text in images (OCR): rapidocr + onnxruntime locally, Rekognition DetectText in the cloud."""
