"""Turn on two-step sign-in for a user from the server, or turn it off (a lost phone).

Prints the secret, the otpauth:// address and a QR code for the terminal: nothing is sent
anywhere. Superusers need this before signing in when OTP_REQUIRED_FOR_SUPERUSERS is on.
"""

import io

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.two_step import secret_of


class Command(BaseCommand):
    help = "Enrol a user's authenticator app (TOTP) for two-step sign-in, or remove it."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--remove", action="store_true", help="Turn two-step sign-in off for the user."
        )

    def handle(self, *args, username, remove=False, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        TOTPDevice.objects.filter(user=user).delete()
        if remove:
            self.stdout.write(f"Two-step sign-in is off for {username}.")
            return
        device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
        code = qrcode.QRCode(border=1)
        code.add_data(device.config_url)
        picture = io.StringIO()
        code.print_ascii(out=picture, invert=True)
        self.stdout.write(picture.getvalue())
        self.stdout.write(f"Secret (type it into the app): {secret_of(device)}")
        self.stdout.write(f"Address: {device.config_url}")
        self.stdout.write(f"Two-step sign-in is on for {username}: scan the code with the app.")
