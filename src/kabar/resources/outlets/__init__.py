"""Outlet files (data): one TOML per outlet, read by `kabar.extract.outlets`."""
