"""Query-parameter filters of the API: a value the schema does not admit is a 400, never
silently ignored (django-filter's defaults read `?year=0.5` as a number and `?flag=null` as
"no filter"), and filtering on an unknown related id finds nothing instead of refusing it.

The filter backend (settings: DEFAULT_FILTER_BACKENDS) gives every view's FilterSet, declared
or generated from `filterset_fields`, these defaults."""

import django_filters
from django import forms
from django.db import models
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.filters import SearchFilter


class IntegerFilter(django_filters.NumberFilter):
    """A whole number (a year, an id); `0.5` is refused."""

    field_class = forms.IntegerField


class StrictBooleanField(forms.Field):
    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.VALUES[str(value).lower()]
        except KeyError:
            raise forms.ValidationError("Use true or false.", code="invalid") from None


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


WHOLE_NUMBER_FIELDS = (
    models.AutoField,
    models.BigAutoField,
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveBigIntegerField,
    models.PositiveSmallIntegerField,
)


class ApiFilterSet(django_filters.rest_framework.FilterSet):
    FILTER_DEFAULTS = {
        **django_filters.rest_framework.FilterSet.FILTER_DEFAULTS,
        **{field: {"filter_class": IntegerFilter} for field in WHOLE_NUMBER_FIELDS},
        models.BooleanField: {"filter_class": StrictBooleanFilter},
        models.ForeignKey: {"filter_class": IntegerFilter},
    }


class ApiFilterBackend(DjangoFilterBackend):
    filterset_base = ApiFilterSet


class ApiSearchFilter(SearchFilter):
    """`?search=`: a refused value (a NUL character) is a 400 that names the parameter, as
    every other field error (DRF answers a bare list)."""

    def get_search_terms(self, request):
        try:
            return super().get_search_terms(request)
        except ValidationError as error:
            raise ValidationError({self.search_param: error.detail}) from error
