"""End the sign-in pauses of a user name (from every address) or of an address, at once.

The same as Cài đặt › Tạm khóa đăng nhập in the admin, for when no administrator can sign in.
"""

from django.core.management.base import BaseCommand, CommandError

from core.ratelimit import lift_pauses


class Command(BaseCommand):
    help = "Lift the sign-in pauses of a user name, of a client address, or both."

    def add_arguments(self, parser):
        parser.add_argument("--user", default="", help="User name, paused from every address.")
        parser.add_argument("--address", default="", help="Client IP address.")

    def handle(self, *args, user="", address="", **options):
        if not user and not address:
            raise CommandError("Give --user NAME, --address IP, or both.")
        lift_pauses(username=user, address=address)
        self.stdout.write(f"Sign-in pauses lifted (user {user or '-'}, address {address or '-'}).")
