"""Declarative workflows: one table of transitions per record type, and the effects that follow a step.

A workflow is a `Workflow` built from `Transition` rows: (action) -> from which states, to which state,
who may take it, on what legal basis, what the actor must give, and the *effects* that follow it. The
table is the whole truth: pages, API, CLI and docs read it, and one transition service per app applies it.

Effects are named in the table (`effects=("licensing.issue_licence",)`) and implemented by the app that
owns them, which registers the function under that name when it loads (`register_effect`). The
transition service calls `run_effects` inside its transaction, so an effect that fails rolls the step
back with it. A declared effect that no installed app implements is reported by a system check and
refused at run time (fail closed): a step never silently skips what the table says it does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

Label = str | Promise


@dataclass(frozen=True)
class Transition:
    """One row of a workflow table."""

    action: str
    label: Label
    sources: frozenset[str]
    target: str | None  # None: the state does not change
    who: frozenset[str]  # roles that may take it
    basis: Label  # the provision it applies, as shown to users
    needs: tuple[str, ...] = ()  # what the actor must give: reasons, assignee, a date...
    effects: tuple[str, ...] = ()  # names of registered effects run after the step, in order
    options: Mapping[str, Any] = field(default_factory=dict)  # app-specific facts (e.g. the slip produced)

    def allows(self, state: str, roles: Iterable[str]) -> bool:
        return state in self.sources and bool(self.who & set(roles))


def step(
    action: str,
    label: Label,
    sources: Iterable[str],
    target: str | None,
    who: Iterable[str],
    basis: Label,
    *,
    needs: tuple[str, ...] = (),
    effects: tuple[str, ...] = (),
    **options: Any,
) -> Transition:
    """A table row, written the way the tables read: action, label, from, to, who, basis."""
    return Transition(action, label, frozenset(sources), target, frozenset(who), basis, needs, effects, options)


@dataclass(frozen=True)
class Effect:
    name: str
    description: Label
    run: Callable[..., Any]


_EFFECTS: dict[str, Effect] = {}
WORKFLOWS: dict[str, Workflow] = {}


def register_effect(name: str, description: Label) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: the function that carries out effect `name`, called as `run(record, actor=..., at=...,
    transition=..., **context)` inside the step's transaction. Registering a name twice is an error."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        existing = _EFFECTS.get(name)
        if existing is not None and existing.run is not func:
            raise ImproperlyConfigured(f"workflow effect {name!r} is registered twice")
        _EFFECTS[name] = Effect(name, description, func)
        return func

    return decorate


def effect(name: str) -> Effect:
    try:
        return _EFFECTS[name]
    except KeyError:
        raise ImproperlyConfigured(f"workflow effect {name!r} is declared but no installed app implements it") from None


class Workflow:
    """A named table of transitions with the roles that appear in it."""

    def __init__(
        self,
        name: str,
        transitions: Iterable[Transition],
        roles: Mapping[str, Label],
        states: Mapping[str, Label] | None = None,
    ) -> None:
        self.name = name
        self.transitions: dict[str, Transition] = {}
        for t in transitions:
            if t.action in self.transitions:
                raise ImproperlyConfigured(f"{name}: action {t.action!r} appears twice")
            unknown = t.who - set(roles)
            if unknown:
                raise ImproperlyConfigured(f"{name}.{t.action}: unknown roles {sorted(unknown)}")
            self.transitions[t.action] = t
        self.roles = dict(roles)
        self.states = dict(states or {})
        WORKFLOWS[name] = self

    def __iter__(self):
        return iter(self.transitions.values())

    def get(self, action: str) -> Transition | None:
        return self.transitions.get(action)

    def available(
        self, state: str, roles: Iterable[str], applies: Callable[[Transition], bool] | None = None
    ) -> list[Transition]:
        """The steps a person with `roles` may take from `state` (and that `applies` to the record)."""
        roles = set(roles)
        return [t for t in self if t.allows(state, roles) and (applies is None or applies(t))]

    def effects_of(self, action: str) -> list[Effect]:
        t = self.transitions[action]
        return [effect(name) for name in t.effects]

    def run_effects(self, transition: Transition, record: Any, **context: Any) -> None:
        """Run the step's declared effects in order; the caller holds the transaction."""
        for found in self.effects_of(transition.action):
            found.run(record, transition=transition, **context)

    def missing_effects(self) -> list[str]:
        return sorted({name for t in self for name in t.effects if name not in _EFFECTS})

    def describe(self) -> list[dict[str, Any]]:
        """The table as rows for pages and docs (labels resolved in the active language)."""
        return [
            {
                "action": t.action,
                "label": str(t.label),
                "from": sorted(str(self.states.get(s, s)) for s in t.sources),
                "to": str(self.states.get(t.target, t.target)) if t.target else "",
                "who": [str(self.roles[r]) for r in sorted(t.who)],
                "basis": str(t.basis),
                "needs": list(t.needs),
                "effects": [str(_EFFECTS[n].description) if n in _EFFECTS else n for n in t.effects],
            }
            for t in self
        ]


class TransitionRefused(Exception):
    """The step is not possible now: unknown action, wrong state, a changed version, or a missing input.
    Its message is for the user (translated)."""


def apply(
    workflow: Workflow,
    queryset: Any,
    pk: Any,
    action: str,
    *,
    actor: Any,
    roles_of: Callable[[Any, Any], set[str]],
    state_field: str = "status",
    expected_version: int | None = None,
    applies: Callable[[Transition, Any], bool] | None = None,
    write: Callable[[Any, Transition], None] | None = None,
    **context: Any,
) -> Any:
    """Apply `action` to the row `pk` of `queryset` under `workflow`, in the caller's transaction.

    Locks the row, checks the version the actor saw (when the model has `version`), the source state, the
    actor's roles and `applies`; lets `write` change the record; sets the target state; saves (with the
    action as the audit change reason); runs the declared effects. Raises `TransitionRefused` or
    `PermissionDenied` and changes nothing otherwise. Call inside `transaction.atomic`."""
    from django.core.exceptions import PermissionDenied
    from django.utils.translation import gettext as _

    transition = workflow.get(action)
    if transition is None:
        raise TransitionRefused(_("Unknown action."))
    record = queryset.select_for_update().get(pk=pk)
    has_version = hasattr(record, "version")
    if expected_version is not None and has_version and record.version != expected_version:
        raise TransitionRefused(
            _("Someone else changed this record while you were looking at it. Reload the page and try again.")
        )
    if getattr(record, state_field) not in transition.sources:
        raise TransitionRefused(
            _("This action is not possible in the record's current state. Reload the page and try again.")
        )
    if not transition.who & roles_of(actor, record):
        raise PermissionDenied(_("You may not take this action on this record."))
    if applies is not None and not applies(transition, record):
        raise TransitionRefused(_("This action does not apply to this record."))
    if write is not None:
        write(record, transition)
    if transition.target is not None:
        setattr(record, state_field, transition.target)
    if has_version:
        # Optimistic check besides the row lock: SQLite has no row locks, the second writer must lose.
        model = type(record)
        if model._default_manager.filter(pk=record.pk, version=record.version).update(version=record.version + 1) != 1:
            raise TransitionRefused(
                _("Someone else changed this record at the same time. Reload the page and try again.")
            )
        record.version += 1
    record._change_reason = action
    record.save()
    workflow.run_effects(transition, record, actor=actor, **context)
    return record
