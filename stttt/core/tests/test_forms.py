"""The shared form pieces (stttt.core.forms): the renderer writes what Django's templates write, to the
character, and a model choice field reads its rows once per form."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from hypothesis import given, settings
from hypothesis import strategies as st

from stttt.accounts.models import User
from stttt.core import forms as core_forms
from stttt.work.forms import TaskForm
from stttt.work.models import Task

DJANGO = DjangoTemplates()
OURS = core_forms.Renderer()

#: Text that escaping must handle: markup, quotes, ampersands, Vietnamese.
TEXT = st.text(alphabet=st.sampled_from(list("<>&\"' aăâđêôơưÁẢẫ1{}%")), max_size=12)
VALUES = st.one_of(
    st.none(), TEXT, st.integers(-5000, 5000), st.builds(mark_safe, TEXT), st.decimals(places=2, allow_nan=False)
)
TEXT_OR_NUMBER = st.one_of(TEXT, st.integers(0, 3000))
ATTR_VALUES = st.one_of(st.booleans(), TEXT, st.integers(0, 2000), st.builds(mark_safe, TEXT))
ATTRS = st.dictionaries(
    st.sampled_from(["class", "placeholder", "data-x", "required", "aria-describedby"]), ATTR_VALUES
)


def both(widget: forms.Widget, name: str, value, attrs=None) -> tuple[str, str]:
    return (
        widget.render(name, value, attrs=attrs, renderer=DJANGO),
        widget.render(name, value, attrs=attrs, renderer=OURS),
    )


@pytest.mark.parametrize(
    "widget",
    [
        forms.TextInput(),
        forms.NumberInput(),
        forms.EmailInput(),
        forms.URLInput(),
        forms.PasswordInput(render_value=True),
        forms.HiddenInput(),
        forms.DateInput(attrs={"type": "date"}),
        forms.DateTimeInput(),
        forms.TimeInput(),
        forms.SearchInput(),
        forms.TelInput(),
        forms.ColorInput(),
        forms.CheckboxInput(),
        forms.FileInput(),
    ],
    ids=lambda w: type(w).__name__,
)
@settings(max_examples=40, deadline=None)
@given(data=st.data(), attrs=ATTRS)
def test_inputs_as_django_writes_them(widget, data, attrs):
    if isinstance(widget, forms.CheckboxInput):
        value = data.draw(st.booleans())
    elif isinstance(widget, forms.widgets.DateTimeBaseInput):  # Django formats only dates and text there
        value = data.draw(st.one_of(st.none(), TEXT, st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 1, 1))))
    else:
        value = data.draw(VALUES)
    django_html, ours = both(widget, "f", value, attrs)
    assert ours == django_html


@settings(max_examples=80, deadline=None)
@given(
    choices=st.lists(
        st.tuples(st.one_of(TEXT, st.integers(0, 3000)), st.one_of(TEXT, st.integers(0, 3000))), max_size=6
    ),
    groups=st.lists(st.tuples(TEXT, st.lists(st.tuples(TEXT, TEXT), max_size=3)), max_size=2),
    value=st.one_of(st.none(), TEXT, st.lists(TEXT, max_size=2)),
    attrs=ATTRS,
    multiple=st.booleans(),
)
def test_selects_as_django_writes_them(choices, groups, value, attrs, multiple):
    widget = (forms.SelectMultiple if multiple else forms.Select)(choices=[*choices, *groups])
    django_html, ours = both(widget, "f", value, attrs)
    assert ours == django_html


def test_dates_and_lazy_labels_as_django_writes_them():
    from django.utils.translation import gettext_lazy

    widget = forms.Select(choices=[(dt.date(2026, 12, 7), gettext_lazy("Status")), (1500, 2500.5)])
    django_html, ours = both(widget, "when", dt.date(2026, 12, 7))
    assert ours == django_html
    assert "selected" in ours


def test_the_fast_paths_are_taken_and_others_fall_back(monkeypatch):
    """The renderer writes inputs and selects itself, and leaves every other template to Django."""
    rendered: list[str] = []
    monkeypatch.setattr(
        DjangoTemplates, "render", lambda self, name, context, request=None: rendered.append(name) or ""
    )
    forms.TextInput().render("a", "x", renderer=OURS)
    forms.Select(choices=[("1", "one")]).render("b", "1", renderer=OURS)
    forms.Textarea().render("c", "x", renderer=OURS)
    forms.RadioSelect(choices=[("1", "one")]).render("d", "1", renderer=OURS)
    assert rendered == ["django/forms/widgets/textarea.html", "django/forms/widgets/radio.html"]


def test_the_project_renders_forms_with_it():
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), core_forms.Renderer)


@pytest.mark.django_db
@pytest.mark.parametrize("field_class", [core_forms.ModelChoiceField, core_forms.ModelMultipleChoiceField])
def test_model_choices_read_once_per_form(field_class, django_assert_num_queries):
    first = User.objects.create_user("mot")
    User.objects.create_user("hai")

    class Form(forms.Form):
        person = field_class(queryset=User.objects.order_by("username"))

    value = [first.pk] if field_class is core_forms.ModelMultipleChoiceField else first.pk
    form = Form({"person": value})
    with django_assert_num_queries(2):  # the rows, once for both renderings; then the chosen row checked
        html = str(form["person"]) + str(form["person"])
        assert form.is_valid()
    empty_label = field_class is core_forms.ModelChoiceField
    assert html.count("<option") == 2 * (2 + empty_label)
    assert f'value="{first.pk}" selected' in html
    User.objects.create_user("ba")
    assert len(Form().fields["person"].choices) == 3 + empty_label  # another form reads the rows anew


def test_model_forms_make_relation_fields_that_read_once():
    class Form(core_forms.ModelForm):
        class Meta:
            model = Task
            fields = ["title", "lead_unit", "coordinating_units"]

    for form in (Form, TaskForm):  # a form of the project, with its own Meta and fields set in __init__
        assert type(form.base_fields["lead_unit"]) is core_forms.ModelChoiceField
        assert type(form.base_fields["coordinating_units"]) is core_forms.ModelMultipleChoiceField
        assert type(form.base_fields["title"]) is forms.CharField
