from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integration_portal.accounts.permissions import STAFF_ROLES, Role
from integration_portal.core.scoping import MunicipalityQuerySet


class Municipality(models.Model):
    """The tenant: every row of personal data belongs to exactly one municipality."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.CharField(
        _("municipality code (kommunekode)"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^\d{3}$", _("Enter the three-digit municipality code."))],
    )
    slug = models.SlugField(_("slug"), unique=True)
    # On unless a municipality deliberately switches it off: staff read personal data.
    mfa_required = models.BooleanField(
        _("require two-factor authentication for staff"),
        default=True,
        help_text=_("Caseworkers, coordinators and managers must set up an authenticator app."),
    )
    contact_email = models.EmailField(_("contact e-mail of the integration office"), blank=True)
    milestone_warning_days = models.PositiveSmallIntegerField(
        _("warning window for deadlines (days)"),
        default=7,
        help_text=_("Caseworkers are reminded this many days before a deadline."),
    )
    job_centre_email = models.EmailField(
        _("e-mail of the job centre"), blank=True,
        help_text=_("Told when a volunteer finds a language internship."),
    )
    boerneattest_renewal_months = models.PositiveSmallIntegerField(
        _("renewal interval for child certificates (months)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("The law sets no interval; a child certificate older than this must be "
                    "renewed before a volunteer takes tasks with children under 15."),
    )
    # Shown on the managers' PDF reports. Only PNG or JPEG, checked by content when uploaded.
    logo = models.FileField(_("logo"), upload_to="logos/", blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UserQuerySet(MunicipalityQuerySet):
    def staff(self) -> UserQuerySet:
        return self.filter(
            models.Q(is_caseworker=True)
            | models.Q(is_volunteer_coordinator=True)
            | models.Q(is_manager=True)
        )


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> User:
        if not email:
            raise ValueError("Users must have an e-mail address")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> User:
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in: staff of one municipality, or a volunteer working with it."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="users",
    )
    is_caseworker = models.BooleanField(_("caseworker"), default=False)
    is_volunteer_coordinator = models.BooleanField(_("volunteer coordinator"), default=False)
    is_manager = models.BooleanField(_("manager"), default=False)
    is_volunteer = models.BooleanField(_("volunteer"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("administrator"),
        default=False,
        help_text=_("May log in to the administration site."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name", "municipality"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name"]
        constraints = [
            # Volunteers stand outside the privacy wall; one account can never be both.
            models.CheckConstraint(
                name="volunteer_holds_no_staff_role",
                condition=~models.Q(is_volunteer=True)
                | models.Q(is_caseworker=False, is_volunteer_coordinator=False, is_manager=False),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.email.lower()
        if self.is_volunteer and self.roles & STAFF_ROLES:
            raise ValidationError(_("A volunteer cannot also hold a staff role."))

    @property
    def roles(self) -> frozenset[Role]:
        flags = {
            Role.CASEWORKER: self.is_caseworker,
            Role.VOLUNTEER_COORDINATOR: self.is_volunteer_coordinator,
            Role.MANAGER: self.is_manager,
            Role.VOLUNTEER: self.is_volunteer,
        }
        return frozenset(role for role, held in flags.items() if held)

    @property
    def is_portal_staff(self) -> bool:
        return bool(self.roles & STAFF_ROLES)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email
