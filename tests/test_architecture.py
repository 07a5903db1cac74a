"""The import contract (pyproject.toml, checked by `make imports`) places every project app."""

import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings

CONTRACT = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())["tool"][
    "importlinter"
]


def project_apps():
    """Installed apps whose code is in this repository (the demo app is installed here)."""
    base = Path(settings.BASE_DIR)
    return {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(base) and ".venv" not in Path(config.path).parts
    }


def test_every_project_app_has_a_layer():
    layers = CONTRACT["contracts"][0]["layers"]
    placed = {app.strip() for layer in layers for app in layer.split("|")}
    assert project_apps() | {"portal"} == placed
    assert set(CONTRACT["root_packages"]) == placed


def test_core_is_the_bottom_layer_and_the_configuration_the_top():
    layers = CONTRACT["contracts"][0]["layers"]
    assert layers[0] == "portal" and layers[-1] == "core"
