from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class StandardPagination(PageNumberPagination):
    """`?page=2&page_size=100`; at most 500 rows a page. A `page_size` that is not a whole
    number of at least 1 is a 400 (not silently the default); a larger one is capped."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not (value.isascii() and value.isdigit() and value.strip("0")):
            raise ValidationError({self.page_size_query_param: ["Use a whole number from 1."]})
        # Thousands of digits are still a large number: capped, without int()'s digit limit.
        if len(value.lstrip("0")) > len(str(self.max_page_size)):
            return self.max_page_size
        return min(int(value), self.max_page_size)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = f"Rows a page; at most {self.max_page_size}."
        return parameters
