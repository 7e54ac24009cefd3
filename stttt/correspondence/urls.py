from django.urls import path

from stttt.correspondence.views import delegations, dossiers, incoming, outgoing

app_name = "correspondence"

urlpatterns = [
    path("", incoming.index, name="index"),
    path("den/moi/", incoming.incoming_new, name="incoming_new"),
    path("den/nhan-dien-tu/", incoming.incoming_import, name="incoming_import"),
    path("den/<int:pk>/", incoming.incoming, name="incoming"),
    path("den/<int:pk>/tep/<int:file_pk>/", incoming.incoming_file, name="incoming_file"),
    path("den/<int:pk>/<slug:action>/", incoming.incoming_act, name="incoming_act"),
    path("so-den/<int:year>.<slug:fmt>", incoming.incoming_book, name="incoming_book"),
    path("di/", outgoing.outgoing_list, name="outgoing_list"),
    path("di/moi/", outgoing.outgoing_new, name="outgoing_new"),
    path("di/<int:pk>/", outgoing.outgoing, name="outgoing"),
    path("di/<int:pk>/sua/", outgoing.outgoing_edit, name="outgoing_edit"),
    path("di/<int:pk>/van-ban.<slug:fmt>", outgoing.outgoing_file, name="outgoing_file"),
    path("di/<int:pk>/<slug:action>/", outgoing.outgoing_act, name="outgoing_act"),
    path("so-di/<int:year>.<slug:fmt>", outgoing.outgoing_book, name="outgoing_book"),
    path("du-thao/", dossiers.dossiers, name="dossiers"),
    path("du-thao/moi/", dossiers.dossier_new, name="dossier_new"),
    path("du-thao/<int:pk>/", dossiers.dossier, name="dossier"),
    path("du-thao/<int:pk>/<slug:action>/", dossiers.dossier_act, name="dossier_act"),
    path("so-lieu/", dossiers.figures, name="figures"),
    path("uy-quyen/", delegations.delegations, name="delegations"),
    path("uy-quyen/<int:pk>/ket-thuc/", delegations.delegation_end, name="delegation_end"),
]
