"""The partnership network of a store, exported as JSON Lines, CSV, GraphML or Graphviz dot.

Nodes are institutions (id, name, country); a party that names no stored institution is
a node of its own, keyed by its name. Edges are partnerships: one edge between every two
parties of a partnership, with its kind, status, date and evidence count, and the index
of the partnership so that the edges of one multi-party partnership can be grouped.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from partnerkit._errors import ConfigError

if TYPE_CHECKING:
    from partnerkit._store._store import Store

__all__ = ["FORMATS", "RENDER_FORMATS", "Network", "network", "render_dot", "write_network"]

#: Text formats of :func:`write_network`.
FORMATS = ("jsonl", "csv", "graphml", "dot")
#: Image formats :func:`render_dot` makes with Graphviz.
RENDER_FORMATS = ("svg", "png", "pdf")

Network = tuple[list[dict[str, Any]], list[dict[str, Any]]]

_NODE_FIELDS = ("id", "name", "country", "institution_id")
_EDGE_FIELDS = ("source", "target", "kind", "status", "date", "evidence_count", "partnership")


def network(store: Store) -> Network:
    """The nodes and edges of the store's partnership network, in a stable order."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    known = {inst.id: inst for inst in store.institutions()}
    for index, (data, evidence_count, parties) in enumerate(store.network_rows()):
        record = json.loads(data)
        ends: list[str] = []
        for name, inst_id in parties:
            if inst_id is not None:
                node = inst_id
                inst = known.get(inst_id)
                nodes.setdefault(
                    node,
                    {
                        "id": node,
                        "name": inst.name if inst else name,
                        "country": inst.country if inst else None,
                        "institution_id": inst_id,
                    },
                )
            else:
                node = "name:" + " ".join(name.casefold().split())
                nodes.setdefault(node, {"id": node, "name": name, "country": None, "institution_id": None})
            if node not in ends:
                ends.append(node)
        date = record.get("date") or record.get("started")
        for i, source in enumerate(ends):
            for target in ends[i + 1 :]:
                edges.append(
                    {
                        "source": source,
                        "target": target,
                        "kind": record["kind"],
                        "status": record.get("status", "active"),
                        "date": date,
                        "evidence_count": evidence_count,
                        "partnership": index,
                    }
                )
    return sorted(nodes.values(), key=lambda n: n["id"]), edges


def write_network(net: Network, fmt: str, out: IO[str]) -> None:
    """Write the network in ``fmt`` (one of :data:`FORMATS`) to a text stream."""
    nodes, edges = net
    if fmt == "jsonl":
        for node in nodes:
            out.write(json.dumps({"type": "node", **node}, ensure_ascii=False) + "\n")
        for edge in edges:
            out.write(json.dumps({"type": "edge", **edge}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        _write_csv(nodes, edges, out)
    elif fmt == "graphml":
        _write_graphml(nodes, edges, out)
    elif fmt == "dot":
        _write_dot(nodes, edges, out)
    else:
        raise ConfigError(f"unknown network format {fmt!r}; use one of: {', '.join(FORMATS)}")


def _write_csv(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], out: IO[str]) -> None:
    """One row per edge, with both ends' names and countries (an edge list any tool reads)."""
    by_id = {n["id"]: n for n in nodes}
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["source", "source_name", "source_country", "target", "target_name", "target_country", *_EDGE_FIELDS[2:]]
    )
    for e in edges:
        s, t = by_id[e["source"]], by_id[e["target"]]
        writer.writerow(
            [
                s["id"],
                s["name"],
                s["country"] or "",
                t["id"],
                t["name"],
                t["country"] or "",
                *("" if e[k] is None else e[k] for k in _EDGE_FIELDS[2:]),
            ]
        )


def _write_graphml(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], out: IO[str]) -> None:
    """GraphML, written as a stream (ElementTree would build the whole tree first)."""
    types = {"evidence_count": "int", "partnership": "int"}
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for domain, names in (("node", _NODE_FIELDS[1:]), ("edge", _EDGE_FIELDS[2:])):
        for name in names:
            out.write(
                f'  <key id="{name}" for="{domain}" attr.name="{name}" attr.type="{types.get(name, "string")}" />\n'
            )
    out.write('  <graph id="partnerships" edgedefault="undirected">\n')
    for n in nodes:
        out.write(f"    <node id={quoteattr(n['id'])}>\n")
        for name in _NODE_FIELDS[1:]:
            if n[name] is not None:
                out.write(f'      <data key="{name}">{escape(str(n[name]))}</data>\n')
        out.write("    </node>\n")
    for i, e in enumerate(edges):
        out.write(f'    <edge id="e{i}" source={quoteattr(e["source"])} target={quoteattr(e["target"])}>\n')
        for name in _EDGE_FIELDS[2:]:
            if e[name] is not None:
                out.write(f'      <data key="{name}">{escape(str(e[name]))}</data>\n')
        out.write("    </edge>\n")
    out.write("  </graph>\n</graphml>\n")


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _write_dot(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], out: IO[str]) -> None:
    out.write("graph partnerships {\n")
    out.write('  graph [overlap=false, fontname="Helvetica"];\n')
    out.write('  node [shape=box, style=rounded, fontname="Helvetica"];\n')
    out.write('  edge [fontname="Helvetica", fontsize=10];\n')
    for n in nodes:
        # The country goes on a second line of the label: dot's own "\\n" escape.
        label = _quote(n["name"])[:-1] + (f"\\n{n['country']}" if n["country"] else "") + '"'
        country = f", country={_quote(n['country'])}" if n["country"] else ""
        out.write(f"  {_quote(n['id'])} [label={label}{country}];\n")
    for e in edges:
        label = e["kind"] + (f" {e['date']}" if e["date"] else "")
        out.write(
            f"  {_quote(e['source'])} -- {_quote(e['target'])} [label={_quote(label)}, kind={_quote(e['kind'])},"
            f" evidence_count={e['evidence_count']}];\n"
        )
    out.write("}\n")


def render_dot(dot: str, fmt: str) -> bytes:
    """Render Graphviz dot text to an image (``svg``, ``png`` or ``pdf``) with the ``dot`` program.

    Raises:
        ConfigError: the format is unknown, Graphviz is not installed, or it failed.
    """
    if fmt not in RENDER_FORMATS:
        raise ConfigError(f"cannot render {fmt!r}; use one of: {', '.join(RENDER_FORMATS)}")
    program = shutil.which("dot")
    if program is None:
        raise ConfigError(
            f"rendering {fmt.upper()} needs Graphviz, and no 'dot' program is on PATH: install Graphviz "
            "(e.g. 'apt install graphviz' or 'brew install graphviz'), or write the .dot text instead"
        )
    done = subprocess.run([program, f"-T{fmt}"], input=dot.encode(), capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise ConfigError(f"Graphviz failed: {message[0] if message else f'exit code {done.returncode}'}")
    return done.stdout
