"""The API's search filter: DRF's, with its refusals named after the query parameter.

DRF refuses `?search=` holding NUL with a bare list (`["Null characters are not allowed."]`);
a client needs to know which parameter was wrong, as django-filter's fields tell.
"""

from rest_framework import filters
from rest_framework.exceptions import ValidationError


class SearchFilter(filters.SearchFilter):
    def get_search_terms(self, request):
        try:
            return super().get_search_terms(request)
        except ValidationError as error:
            raise ValidationError({self.search_param: error.detail}) from None
