"""Domain and services of CaseFile. Nothing in this package imports Qt."""
