"""Create the portal's user groups with the Wagtail permissions that fit them.

- Éditeurs: edit and publish every page, images, documents, site settings.
- Relecteurs FALC: sign in to the admin to review easy-to-read sheets.
- CPIP: probation counsellors; no editing (the staff area checks the group).
"""

from django.db import migrations

from home.groups import CPIP, EDITORS, FALC_REVIEWERS, grant, model_codenames

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
}


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    # Wagtail's default English groups would stand beside ours under the same
    # names in French: remove them so that editors see one set of groups.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    for name in (EDITORS, FALC_REVIEWERS, CPIP):
        Group.objects.get_or_create(name=name)

    grant(apps, EDITORS, "wagtailadmin", ["access_admin"])
    grant(apps, FALC_REVIEWERS, "wagtailadmin", ["access_admin"])
    grant(apps, EDITORS, "home", ["change_sitesettings"])
    grant(apps, EDITORS, "wagtailredirects", model_codenames("redirect", actions=("add", "change", "delete")))
    grant(
        apps,
        EDITORS,
        "wagtailsearchpromotions",
        model_codenames("searchpromotion", actions=("add", "change", "delete")),
    )

    root = Page.objects.get(depth=1)
    editors = Group.objects.get(name=EDITORS)
    reviewers = Group.objects.get(name=FALC_REVIEWERS)
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)
    # Reviewers read and comment the sheets they are asked to review; they publish nothing.
    permission = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.get_or_create(group=reviewers, page=root, permission=permission)

    root_collection = Collection.objects.get(depth=1)
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=permission
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, FALC_REVIEWERS, CPIP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
