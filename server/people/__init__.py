"""people domain: faces found in a user's photos, grouped and named; "photos where I appear"."""
