"""The query parameters every API endpoint reads, and their bounds."""

# The largest id or offset a client may send: PostgreSQL's integer; larger ones get a 400.
MAX_INTEGER = 2**31 - 1
