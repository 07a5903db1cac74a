"""The admin's user screens without the "Administrator" (superuser) box for non-superusers.

Only superusers may make or change superusers (editorial.wagtail_hooks refuses the request
otherwise); the box is not offered to the portal's administrators who manage accounts.
"""

from wagtail.users.views import users


class WithoutSuperuserBoxMixin:
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.is_superuser:
            form.fields.pop("is_superuser", None)
        return form


class CreateView(WithoutSuperuserBoxMixin, users.CreateView):
    pass


class EditView(WithoutSuperuserBoxMixin, users.EditView):
    pass


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
