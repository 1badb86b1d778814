"""API permissions. The default (settings) is StaffOnly: every view states what it opens."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from idm.permissions import is_staff


class StaffOnly(BasePermission):
    """Only IOM staff; the default for every API view that says nothing else."""

    def has_permission(self, request, view):
        return is_staff(request.user)


class PublicReadStaffWrite(BasePermission):
    """Public reference data: anyone may read, only staff may change."""

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or is_staff(request.user)
