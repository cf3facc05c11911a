"""People over HTTP, as a user meets them: upload photos, let the queue run, find yourself,
name someone, confirm or reject what is suggested; and as an attacker: someone else's faces
and people are not found."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from server.jobs.runner import JobRunner
from server.people.models import Face, Person, PhotoFaceScan

pytestmark = pytest.mark.slow


def get(api: Any, account: Any, path: str, expect: int = 200) -> Any:
    response = api.client.get(path, headers=account.headers)
    assert response.status_code == expect, response.text
    return response.json()


def patch(api: Any, account: Any, path: str, body: dict[str, Any], expect: int = 200) -> Any:
    response = api.client.patch(path, json=body, headers=account.headers)
    assert response.status_code == expect, response.text
    return response.json()


def upload_all(api: Any, account: Any, fixture_bytes: Any, names: list[str]) -> dict[str, int]:
    album = api.create_album(account, "Fotos")
    return {
        name: api.upload(account, album["id"], fixture_bytes(name), name=name.split(".")[0])["id"]
        for name in names
    }


def photo_ids(page: dict[str, Any]) -> set[int]:
    return {item["id"] for item in page["items"]}


def test_user_finds_themselves_and_names_someone(api, runner: JobRunner, fixture_bytes):
    account = api.register("barack")  # the profile photo is obama_small.jpg
    ids = upload_all(
        api,
        account,
        fixture_bytes,
        ["obama_1.jpg", "group_two_people.jpg", "biden_1.jpg", "leslie_1.jpg", "biden_2.jpg"],
    )
    assert runner.run_until_idle() == 6  # five photos and the profile photo

    mine = get(api, account, "/api/v1/people/me/photos")
    assert photo_ids(mine) >= {ids["obama_1.jpg"], ids["group_two_people.jpg"]}
    assert not photo_ids(mine) & {ids["biden_1.jpg"], ids["leslie_1.jpg"], ids["biden_2.jpg"]}

    people = get(api, account, "/api/v1/people")
    assert people[0]["is_me"] is True and people[0]["photo_count"] == 3  # with the profile photo
    # Biden's three faces were grouped, unnamed; Leslie's single face is nobody yet.
    (group,) = [p for p in people if not p["is_me"]]
    assert group["name"] is None and group["face_count"] == 3

    # The user names Biden by clicking his face in the group photo.
    faces = get(api, account, f"/api/v1/photos/{ids['group_two_people.jpg']}/faces")
    assert len(faces) == 2
    obama_face, biden_face = sorted(faces, key=lambda f: f["box"]["left"])
    assert obama_face["person"]["is_me"] is True and obama_face["state"] == "auto"
    named = patch(api, account, f"/api/v1/faces/{biden_face['id']}", {"name": "Joe"})
    assert named["state"] == "confirmed" and named["person"]["name"] == "Joe"

    joe = next(p for p in get(api, account, "/api/v1/people") if p["name"] == "Joe")
    joe_photos = get(api, account, f"/api/v1/people/{joe['id']}/photos")
    assert photo_ids(joe_photos) == {
        ids["group_two_people.jpg"],
        ids["biden_1.jpg"],
        ids["biden_2.jpg"],
    }
    leslie_faces = get(api, account, f"/api/v1/photos/{ids['leslie_1.jpg']}/faces")
    assert [f["state"] for f in leslie_faces] == ["unassigned"]


def test_suggestion_confirmed_or_rejected(api, runner: JobRunner, fixture_bytes, app_context):
    account = api.register("ana")
    ids = upload_all(api, account, fixture_bytes, ["leslie_1.jpg", "leslie_2.jpg"])
    runner.run_until_idle()
    (first,) = get(api, account, f"/api/v1/photos/{ids['leslie_1.jpg']}/faces")
    (second,) = get(api, account, f"/api/v1/photos/{ids['leslie_2.jpg']}/faces")
    assert first["state"] == second["state"] == "grouped"
    patch(api, account, f"/api/v1/faces/{first['id']}", {"name": "Rose"})

    # Put the second face in the suggest band by hand (real pairs of these photos are closer).
    with app_context.session_factory() as db:
        face = db.get(Face, second["id"])
        face.state, face.similarity = "suggested", 70.0
        db.commit()
    queue = get(api, account, "/api/v1/people/suggestions")
    assert [f["id"] for f in queue] == [second["id"]]
    assert queue[0]["person"]["name"] == "Rose"

    rejected = patch(api, account, f"/api/v1/faces/{second['id']}", {"not_person": True})
    assert rejected["person"] is None and rejected["state"] == "unassigned"
    assert get(api, account, "/api/v1/people/suggestions") == []
    with app_context.session_factory() as db:
        rose_id = db.scalar(select(Person.id).where(Person.name == "Rose"))
        assert db.get(Face, second["id"]).rejected_person_ids == [rose_id]
    # Never proposed again for Rose, even though it is close to her.
    runner.run_until_idle()
    assert get(api, account, f"/api/v1/photos/{ids['leslie_2.jpg']}/faces")[0]["person"] is None

    confirmed = patch(api, account, f"/api/v1/faces/{second['id']}", {"person_id": rose_id})
    assert confirmed["state"] == "confirmed" and confirmed["person"]["id"] == rose_id


def test_rename_hide_and_merge(api, runner: JobRunner, fixture_bytes):
    account = api.register("eva")
    ids = upload_all(api, account, fixture_bytes, ["leslie_1.jpg", "harington_1.jpg"])
    runner.run_until_idle()
    (leslie,) = get(api, account, f"/api/v1/photos/{ids['leslie_1.jpg']}/faces")
    (kit,) = get(api, account, f"/api/v1/photos/{ids['harington_1.jpg']}/faces")
    rose = patch(api, account, f"/api/v1/faces/{leslie['id']}", {"name": "Rose"})["person"]
    other = patch(api, account, f"/api/v1/faces/{kit['id']}", {"name": "Kit"})["person"]

    taken = patch(api, account, f"/api/v1/people/{other['id']}", {"name": " rose "}, expect=409)
    assert taken["error"]["code"] == "person_name_taken"
    empty = patch(api, account, f"/api/v1/people/{other['id']}", {"name": "  "}, expect=400)
    assert empty["error"]["fields"] == {"name": "required"}

    # A name at the length limit whose case-folded key is twice as long ("ß" folds to "ss").
    long_name = patch(api, account, f"/api/v1/people/{other['id']}", {"name": "ß" * 100})
    assert long_name["name"] == "ß" * 100
    patch(api, account, f"/api/v1/people/{other['id']}", {"name": "Kit"})

    hidden = patch(api, account, f"/api/v1/people/{other['id']}", {"hidden": True})
    assert hidden["hidden"] is True and hidden["name"] == "Kit"
    listed = get(api, account, "/api/v1/people")
    assert [(p["is_me"], p["name"]) for p in listed] == [(True, None), (False, "Rose")]
    assert "Kit" in [p["name"] for p in get(api, account, "/api/v1/people?hidden=true")]

    merged = api.client.post(
        f"/api/v1/people/{rose['id']}/merge",
        json={"person_ids": [other["id"]]},
        headers=account.headers,
    )
    assert merged.status_code == 200, merged.text
    assert merged.json()["face_count"] == 2
    gone = get(api, account, f"/api/v1/people/{other['id']}/photos", expect=404)
    assert gone["error"]["code"] == "person_not_found"

    me = next(p for p in get(api, account, "/api/v1/people") if p["is_me"])
    refused = api.client.post(
        f"/api/v1/people/{rose['id']}/merge",
        json={"person_ids": [me["id"]]},
        headers=account.headers,
    )
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "cannot_merge_me"
    itself = api.client.post(
        f"/api/v1/people/{rose['id']}/merge",
        json={"person_ids": [rose["id"]]},
        headers=account.headers,
    )
    assert itself.status_code == 400


def test_face_patch_needs_exactly_one_change(api, runner: JobRunner, fixture_bytes):
    account = api.register("luz")
    ids = upload_all(api, account, fixture_bytes, ["leslie_1.jpg"])
    runner.run_until_idle()
    (face,) = get(api, account, f"/api/v1/photos/{ids['leslie_1.jpg']}/faces")
    for body in ({}, {"name": "Rose", "not_person": True}, {"name": "x" * 101}):
        error = patch(api, account, f"/api/v1/faces/{face['id']}", body, expect=400)
        assert error["error"]["code"] == "validation_error"
    assert get(api, account, f"/api/v1/photos/{ids['leslie_1.jpg']}/faces")[0] == face


def test_another_users_faces_and_people_are_not_found(api, runner: JobRunner, fixture_bytes):
    owner = api.register("owner")
    ids = upload_all(api, owner, fixture_bytes, ["leslie_1.jpg", "leslie_2.jpg"])
    runner.run_until_idle()
    (face,) = get(api, owner, f"/api/v1/photos/{ids['leslie_1.jpg']}/faces")
    person_id = face["person"]["id"]
    me_id = next(p["id"] for p in get(api, owner, "/api/v1/people") if p["is_me"])

    intruder = api.register("intruder", photo=fixture_bytes("biden_1.jpg"))
    runner.run_until_idle()
    for path, code in (
        (f"/api/v1/photos/{ids['leslie_1.jpg']}/faces", "photo_not_found"),
        (f"/api/v1/people/{person_id}/photos", "person_not_found"),
        (f"/api/v1/people/{person_id}/faces", "person_not_found"),
        (f"/api/v1/people/{me_id}/photos", "person_not_found"),
    ):
        assert get(api, intruder, path, expect=404)["error"]["code"] == code
    face_patch = patch(api, intruder, f"/api/v1/faces/{face['id']}", {"name": "Mine"}, expect=404)
    assert face_patch["error"]["code"] == "face_not_found"
    hide = patch(api, intruder, f"/api/v1/people/{person_id}", {"hidden": True}, expect=404)
    assert hide["error"]["code"] == "person_not_found"
    merged = api.client.post(
        f"/api/v1/people/{me_id}/merge", json={"person_ids": [person_id]}, headers=intruder.headers
    )
    assert merged.status_code == 404
    # The intruder's own lists show none of it, and the owner's data is unchanged.
    assert all(p["is_me"] for p in get(api, intruder, "/api/v1/people"))
    assert get(api, intruder, "/api/v1/people/suggestions") == []
    assert get(api, owner, f"/api/v1/photos/{ids['leslie_1.jpg']}/faces") == [face]


def test_faces_go_with_the_photo_and_everything_with_the_account(
    api, runner: JobRunner, fixture_bytes, app_context
):
    account = api.register("borra")
    ids = upload_all(api, account, fixture_bytes, ["group_two_people.jpg", "leslie_1.jpg"])
    runner.run_until_idle()

    def count(model: Any) -> int:
        with app_context.session_factory() as db:
            return int(db.scalar(select(func.count()).select_from(model)) or 0)

    assert count(Face) == 4  # profile + two + one
    response = api.client.delete(
        f"/api/v1/photos/{ids['group_two_people.jpg']}", headers=account.headers
    )
    assert response.status_code == 204
    assert count(Face) == 4  # in the trash the photo keeps its faces, so a restore loses nothing
    emptied = api.client.delete("/api/v1/trash", headers=account.headers)
    assert emptied.status_code == 200 and emptied.json() == {"deleted": 1}
    assert count(Face) == 2
    assert get(api, account, f"/api/v1/photos/{ids['group_two_people.jpg']}/faces", expect=404)

    response = api.client.request(
        "DELETE",
        "/api/v1/me",
        json={"current_password": account.password},
        headers=account.headers,
    )
    assert response.status_code == 204, response.text
    assert (count(Face), count(Person), count(PhotoFaceScan)) == (0, 0, 0)


def test_backfill_indexes_photos_uploaded_before(api, app_context, fixture_bytes):
    from server.app import build_job_runner
    from server.people.jobs import start_backfill

    app_context.settings.face_indexing = False
    account = api.register("antes")
    ids = upload_all(api, account, fixture_bytes, ["obama_1.jpg"])
    app_context.settings.face_indexing = True
    runner = build_job_runner(app_context)
    assert runner.run_until_idle() == 0

    assert start_backfill(app_context) is True
    assert start_backfill(app_context) is False  # one is already waiting
    assert runner.run_until_idle() == 3  # the backfill, then both photos
    mine = get(api, account, "/api/v1/people/me/photos")
    assert ids["obama_1.jpg"] in photo_ids(mine)
    assert start_backfill(app_context) is False
