"""Per-article analysis: entities, time expressions and quotations, each pointing into `Article.text`."""
