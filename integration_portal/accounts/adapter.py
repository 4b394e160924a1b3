from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # No open sign-up: staff are created by an administrator, volunteers come by
        # invitation from their municipality's coordinator.
        return False
