"""The API documentation page's content, read from drf-spectacular's OpenAPI schema.

The page and the raw schema (/api/v1/schema/) are one source: each operation's method, path,
summary, parameters and the fields it takes and answers are taken from the generated schema,
so the page cannot drift from the API. Generating the schema walks every viewset, so it is
done once per language and kept for the life of the process (the API changes only with a
deploy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils import translation
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")
ENUM_LINE = re.compile(r"^\* `(?P<value>[^`]*)` - (?P<label>.*)$")


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    title: str = ""
    description: str = ""
    required: bool = False
    read_only: bool = False
    nullable: bool = False
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    type: str
    required: bool
    description: str
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class Body:
    name: str                 # the schema component's name, e.g. "Household"
    fields: tuple[Field, ...]
    paginated: bool = False


@dataclass(frozen=True)
class Response:
    status: str
    description: str
    body: Body | None


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    operation_id: str
    summary: str
    description: str
    parameters: tuple[Parameter, ...]
    request: Body | None
    responses: tuple[Response, ...]

    @property
    def anchor(self) -> str:
        return f"op-{self.operation_id}"


@dataclass(frozen=True)
class Section:
    tag: str
    operations: tuple[Operation, ...]

    @property
    def anchor(self) -> str:
        return f"tag-{self.tag}"


@dataclass(frozen=True)
class ApiDocumentation:
    title: str
    version: str
    description: str
    sections: tuple[Section, ...] = field(default_factory=tuple)

    @property
    def operation_count(self) -> int:
        return sum(len(section.operations) for section in self.sections)


def generate_schema() -> dict:
    """The OpenAPI schema, as /api/v1/schema/ serves it, in the active language."""
    return SchemaGenerator().get_schema(request=None, public=True)


@lru_cache(maxsize=8)
def api_documentation(language: str) -> ApiDocumentation:
    with translation.override(language):
        return _documentation(generate_schema())


def _documentation(schema: dict) -> ApiDocumentation:
    reader = _SchemaReader(schema.get("components", {}).get("schemas", {}))
    sections: dict[str, list[Operation]] = {}
    for path, item in schema.get("paths", {}).items():
        shared_parameters = item.get("parameters", [])
        for method in METHODS:
            if method not in item:
                continue
            operation = item[method]
            tag = (operation.get("tags") or ["api"])[0]
            sections.setdefault(tag, []).append(Operation(
                method=method.upper(),
                path=path,
                operation_id=operation.get("operationId", f"{method}-{path}"),
                summary=str(operation.get("summary", "")),
                description=str(operation.get("description", "")),
                parameters=tuple(
                    reader.parameter(parameter)
                    for parameter in [*shared_parameters, *operation.get("parameters", [])]
                ),
                request=reader.request_body(operation.get("requestBody")),
                responses=tuple(
                    reader.response(status, response)
                    for status, response in operation.get("responses", {}).items()
                ),
            ))
    info = schema.get("info", {})
    return ApiDocumentation(
        title=str(info.get("title", "")),
        version=str(info.get("version", "")),
        description=str(info.get("description", "")),
        sections=tuple(Section(tag=tag, operations=tuple(operations))
                       for tag, operations in sorted(sections.items())),
    )


class _SchemaReader:
    def __init__(self, components: dict):
        self.components = components

    def _resolve(self, schema: dict) -> tuple[str, dict]:
        """The component a schema refers to (directly, or as the one entry of allOf)."""
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            return name, self.components.get(name, {})
        if len(schema.get("allOf", [])) == 1:
            return self._resolve(schema["allOf"][0])
        return "", schema

    def choices(self, schema: dict, description: str = "") -> tuple[Choice, ...]:
        found: list[Choice] = []
        for option in schema.get("oneOf", []) or [schema]:
            _, resolved = self._resolve(option)
            labels = _enum_labels(f"{description}\n{resolved.get('description', '')}")
            for value in resolved.get("enum", []):
                if value not in (None, ""):
                    found.append(Choice(value=str(value), label=labels.get(str(value), "")))
            if "items" in resolved:
                found.extend(self.choices(resolved["items"]))
        return tuple(found)

    def type_of(self, schema: dict) -> str:
        name, resolved = self._resolve(schema)
        if "oneOf" in schema:
            names = [self.type_of(option) for option in schema["oneOf"]]
            return " | ".join(dict.fromkeys(n for n in names if n not in ("", "null")))
        if resolved.get("enum") is not None:
            return resolved.get("type", "string")
        if resolved.get("type") == "array":
            return f"array of {self.type_of(resolved.get('items', {}))}"
        if name and resolved.get("type", "object") == "object":
            return name
        kind = resolved.get("type", "object")
        return f"{kind} ({resolved['format']})" if resolved.get("format") else kind

    def fields(self, component: dict) -> tuple[Field, ...]:
        required = set(component.get("required", []))
        return tuple(
            Field(
                name=name,
                type=self.type_of(schema),
                title=str(schema.get("title", "")),
                description=_without_enum_lines(schema.get("description", "")),
                required=name in required,
                read_only=bool(schema.get("readOnly")),
                nullable=bool(schema.get("nullable")),
                choices=self.choices(schema),
            )
            for name, schema in component.get("properties", {}).items()
        )

    def body(self, schema: dict) -> Body | None:
        name, component = self._resolve(schema)
        if not component:
            return None
        if "oneOf" in component:
            # One of several shapes (e.g. by the reader's role): every field any of them has.
            bodies = [self.body(option) for option in component["oneOf"]]
            fields = {f.name: f for body in bodies if body for f in body.fields}
            return Body(name=" | ".join(body.name for body in bodies if body),
                        fields=tuple(fields.values()))
        results = component.get("properties", {}).get("results", {})
        if name.startswith("Paginated") and results.get("type") == "array":
            item_name, item = self._resolve(results.get("items", {}))
            return Body(name=item_name, fields=self.fields(item), paginated=True)
        return Body(name=name, fields=self.fields(component))

    def request_body(self, request_body: dict | None) -> Body | None:
        if not request_body:
            return None
        content = request_body.get("content", {})
        schema = (content.get("application/json") or next(iter(content.values()), {})).get(
            "schema", {})
        return self.body(schema)

    def response(self, status: str, response: dict) -> Response:
        content = response.get("content", {})
        schema = next(iter(content.values()), {}).get("schema") if content else None
        return Response(status=status, description=str(response.get("description", "")),
                        body=self.body(schema) if schema else None)

    def parameter(self, parameter: dict) -> Parameter:
        schema = parameter.get("schema", {})
        description = str(parameter.get("description", ""))
        return Parameter(
            name=parameter["name"],
            location=parameter.get("in", ""),
            type=self.type_of(schema),
            required=bool(parameter.get("required")),
            description=_without_enum_lines(description),
            choices=self.choices(schema, description),
        )


def _enum_labels(text: str) -> dict[str, str]:
    """drf-spectacular lists a choice set's labels in the description: "* `value` - Label"."""
    labels = {}
    for line in text.splitlines():
        match = ENUM_LINE.match(line.strip())
        if match:
            labels[match["value"]] = match["label"]
    return labels


def _without_enum_lines(text) -> str:
    return "\n".join(
        line for line in str(text).splitlines() if not ENUM_LINE.match(line.strip())
    ).strip()
