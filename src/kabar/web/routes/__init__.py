"""Routes, one module per resource; each has `api` (JSON, in the OpenAPI schema) and maybe `ui` (HTML)."""
