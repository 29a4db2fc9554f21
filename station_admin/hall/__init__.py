"""The officials' side of the hall network: the hall's server and its PostgreSQL store."""
