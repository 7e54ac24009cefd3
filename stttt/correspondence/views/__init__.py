"""Pages of the correspondence app, one module per topic; they call services and selectors only."""
