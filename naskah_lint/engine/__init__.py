"""The rules engine: pack loading (YAML -> typed rules), selection, the runner and
fingerprints. Kinds (the Python checks) live in naskah_lint.kinds."""
