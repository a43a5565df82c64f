"""The layers of docs/architecture.md hold: import-linter's contracts (pyproject.toml) and no import cycle.

Imports inside functions count as much as those at the top of a module: import-linter
reads every `import` statement, so a function-level import does not hide a dependency.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

pytest.importorskip("importlinter")  # the [dev] extra; skipped only where it is not installed

import grimp  # noqa: E402  (installed with import-linter)
from importlinter import configuration  # noqa: E402
from importlinter.application.use_cases import lint_imports, read_user_options  # noqa: E402
from importlinter.contracts.acyclic_siblings import AcyclicSiblingsContract  # noqa: E402
from importlinter.contracts.forbidden import ForbiddenContract  # noqa: E402
from importlinter.contracts.layers import LayersContract  # noqa: E402

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
CONTRACT_TYPES = {c.type_name: c for c in (LayersContract, AcyclicSiblingsContract, ForbiddenContract)}

configuration.configure()  # import-linter's readers of pyproject.toml; `lint-imports` does the same at start
OPTIONS = read_user_options(str(PYPROJECT))
CONTRACTS = {c["id"]: c for c in OPTIONS.contracts_options}


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(*OPTIONS.session_options["root_packages"], cache_dir=None)


def contract(contract_id: str):
    options = CONTRACTS[contract_id]
    settings = {k: v for k, v in options.items() if k not in ("id", "name", "type")}
    return CONTRACT_TYPES[options["type"]](name=options["name"], session_options=OPTIONS.session_options, contract_options=settings)


def with_import(graph: grimp.ImportGraph, importer: str, imported: str) -> grimp.ImportGraph:
    changed = copy.deepcopy(graph)
    changed.add_import(importer=importer, imported=imported)
    return changed


def flagged(check) -> set[tuple[str, str]]:
    """Every (importer, imported) link of the import chains a broken contract reports."""
    found: set[tuple[str, str]] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("importer"), str) and isinstance(value.get("imported"), str):
                found.add((value["importer"], value["imported"]))
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item)

    walk(check.metadata or {})
    return found


def test_architecture_declares_the_layers_and_no_cycles():
    assert {"layers", "no-cycles", "runtime-apart"} <= set(CONTRACTS)
    assert CONTRACTS["layers"]["exhaustive"] == "True"  # a new top-level module must be placed


@pytest.mark.parametrize("contract_id", sorted(CONTRACTS))
def test_architecture_contract_is_kept(contract_id, capsys):
    kept = lint_imports(str(PYPROJECT), limit_to_contracts=(contract_id,), cache_dir=None, no_logo=True)
    assert kept, capsys.readouterr().out  # the report names the import chains that break it


# Each import below would undo a step of the layering (most were real before issue 17); the
# contract as configured must refuse it, so a loosened contract fails here.
@pytest.mark.parametrize(
    "contract_id, importer, imported",
    [
        ("layers", "kabar.analyse.stem", "kabar.evaluate.scoreboard"),  # the runtime imports the evaluator
        ("layers", "kabar.link.quote_links", "kabar.store.db"),  # a stage imports the store
        ("layers", "kabar.records", "kabar.link.quote_links"),  # a record lives in a stage
        ("layers", "kabar.store.db", "kabar.pipeline"),
        ("layers", "kabar.extract.core", "kabar.analyse.stem"),
        ("layers", "kabar.ingest.decode", "kabar.extract.core"),
        ("layers", "kabar.web.app", "kabar.evaluate.scoreboard"),  # siblings stay independent
        ("layers", "kabar.log", "kabar.ids"),
        ("runtime-apart", "kabar.analyse.ner.model", "kabar_train"),
        ("store-layers", "kabar.store.db", "kabar.store.search"),
        ("store-layers", "kabar.store.convert", "kabar.store.db"),
        ("web-layers", "kabar.web.views", "kabar.web.routes.articles"),
        ("extract-layers", "kabar.extract.html_body", "kabar.extract.core"),
        ("extract-layers", "kabar.extract.text", "kabar.extract.meta"),
    ],
)
def test_architecture_contract_refuses_an_upward_import(graph, contract_id, importer, imported):
    before = contract(contract_id).check(copy.deepcopy(graph), verbose=False)
    after = contract(contract_id).check(with_import(graph, importer, imported), verbose=False)
    assert not after.kept
    assert (importer, imported) in flagged(after) - flagged(before)


def test_architecture_every_module_has_a_layer(graph):
    changed = copy.deepcopy(graph)
    changed.add_module("kabar.unplaced")
    check = contract("layers").check(changed, verbose=False)
    assert not check.kept and "kabar.unplaced" in check.metadata["undeclared_modules"]


@pytest.mark.parametrize(
    "importer, imported, package",
    [
        ("kabar.store.db", "kabar.store.search", "kabar.store"),  # search imports db
        ("kabar.extract.assemble", "kabar.extract.html_body", "kabar.extract"),  # html_body imports assemble
        ("kabar.link", "kabar.pipeline", "kabar"),  # pipeline imports link
    ],
)
def test_architecture_no_cycles_contract_finds_a_new_cycle(graph, importer, imported, package):
    before = contract("no-cycles").check(copy.deepcopy(graph), verbose=False).metadata["cycle_breakers_by_package"]
    after = contract("no-cycles").check(with_import(graph, importer, imported), verbose=False).metadata["cycle_breakers_by_package"]
    assert after.get(package) and after.get(package) != before.get(package)


def cyclic_imports(graph: grimp.ImportGraph) -> set[tuple[str, str]]:
    """The direct imports that lie on a cycle (the imported module leads back to the importer).

    A package's `__init__` counts as a module of its own: `acyclic_siblings` compares siblings
    only, so a child importing its parent package that imports the child (extract <->
    extract.html_body before issue 17) is found here. The no-cycles contract's ignored imports
    are left out here too."""
    graph = copy.deepcopy(graph)
    for rule in CONTRACTS["no-cycles"].get("ignore_imports", ()):
        importer, imported = (part.strip() for part in str(rule).split("->"))
        graph.remove_import(importer=importer, imported=imported)
    return {
        (module, imported)
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if graph.chain_exists(importer=imported, imported=module)
    }


def test_architecture_no_module_imports_itself_back(graph):
    assert cyclic_imports(graph) == set()


def test_architecture_cyclic_imports_finds_a_package_init_cycle(graph):
    found = cyclic_imports(with_import(graph, "kabar.extract.html_body", "kabar.extract")) - cyclic_imports(graph)
    assert ("kabar.extract.html_body", "kabar.extract") in found
    assert ("kabar.extract", "kabar.extract.core") in found  # the package's __init__ imports core, core html_body
