"""One module per game; each module's docstring is that game's rulebook."""
