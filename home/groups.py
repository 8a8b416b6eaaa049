"""Grant model permissions to the portal's user groups from data migrations.

Each app's data migration calls ``grant`` for its own models, so a group's
permissions grow with the apps that need them.
"""

from django.contrib.auth.management import create_permissions

EDITORS = "Éditeurs"
FALC_REVIEWERS = "Relecteurs FALC"
CPIP = "CPIP"
ALL_GROUPS = [EDITORS, FALC_REVIEWERS, CPIP]


def grant(apps, group_name, app_label, codenames):
    """Give ``group_name`` the permissions ``codenames`` of ``app_label``, creating what is missing."""
    # Permissions are normally created after migrate; make sure they exist now.
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True  # migration app configs are stubs without it
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    missing = set(codenames) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise LookupError(f"Unknown permissions for {app_label}: {sorted(missing)}")
    group.permissions.add(*permissions)


def model_codenames(*model_names, actions=("add", "change", "delete", "view")):
    return [f"{action}_{model}" for model in model_names for action in actions]
