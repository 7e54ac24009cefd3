"""Who must sign in with a second factor (docs/security.md; ASVS 6.3.3).

`accounts` asks through the setting `STTTT_MFA_POLICY` (a dotted path to `mfa_required`), so the sign-in
layer never imports `org`: the policy needs powers, and powers live here.
"""

from __future__ import annotations

from typing import Any

from stttt.org.models import Agency
from stttt.org.powers import powers_of

#: The Django permission that opens every dossier with applicants' personal data.
PERSONAL_DATA_PERMISSIONS = ("procedures.view_all_dossiers",)


def mfa_required(user: Any) -> bool:
    """Administrators, leaders, and anyone with personal-data powers must use a second factor:

    - superusers and users who may enter the admin site;
    - leaders (Director, Deputy Directors, heads of units, acting heads included);
    - staff of the agency's one-stop desk unit, who receive dossiers with applicants' personal data;
    - anyone granted a permission in `PERSONAL_DATA_PERMISSIONS`.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser or user.is_staff:
        return True
    powers = powers_of(user)
    if powers.is_leader:
        return True
    if powers.agency_id is not None and powers.unit_codes:
        desk = Agency.objects.filter(pk=powers.agency_id).values_list("one_stop_unit_code", flat=True).first()
        if desk and desk in powers.unit_codes:
            return True
    return any(user.has_perm(permission) for permission in PERSONAL_DATA_PERMISSIONS)
