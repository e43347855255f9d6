"""See the package docstring of sphere for where this stage sits in the pipeline."""
