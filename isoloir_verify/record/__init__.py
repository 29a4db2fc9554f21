"""Typed models of the files of an `isoloir-record/1` directory, one module per file kind."""
