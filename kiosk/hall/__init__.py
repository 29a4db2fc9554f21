"""The booth's side of the hall network: the signed client that reserves and confirms marks."""
