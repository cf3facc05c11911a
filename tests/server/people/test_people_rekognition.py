"""People in cloud mode: IndexFaces into the user's collection, SearchFaces to place faces,
DeleteFaces with the photo, DeleteCollection with the account. Rekognition answers through
botocore's Stubber with the documented response shapes; everything else is real."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.stub import ANY, Stubber

from server.engines.faces.aws import RekognitionFaceEngine
from server.engines.registry import EngineRegistry
from server.jobs.runner import JobRunner

ME, BARACK_IN_GROUP, JOE, TINY = (
    "11111111-1111-4111-8111-111111111111",
    "22222222-2222-4222-8222-222222222222",
    "33333333-3333-4333-8333-333333333333",
    "44444444-4444-4444-8444-444444444444",
)


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    return {"labels_engine": "none", "face_engine": "aws"}


@pytest.fixture
def rekognition(app_context) -> Any:
    client = boto3.client(
        "rekognition",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    app_context.engines = EngineRegistry(app_context.settings)
    app_context.engines._built["faces"] = RekognitionFaceEngine(client)
    with Stubber(client) as stubber:
        yield stubber
        stubber.assert_no_pending_responses()


def face_detail(left: float, width: float) -> dict[str, Any]:
    """A ``FaceDetail`` as IndexFaces returns it with ``DetectionAttributes=["DEFAULT"]``."""
    return {
        "BoundingBox": {"Width": width, "Height": width * 1.3, "Left": left, "Top": 0.1},
        "Landmarks": [
            {"Type": "eyeLeft", "X": left + width * 0.3, "Y": 0.2},
            {"Type": "eyeRight", "X": left + width * 0.7, "Y": 0.2},
        ],
        "Pose": {"Roll": 1.0, "Yaw": -2.0, "Pitch": 3.0},
        "Quality": {"Brightness": 75.0, "Sharpness": 88.0},
        "Confidence": 99.9,
    }


def index_response(photo_id: int, faces: list[tuple[str, float, float]]) -> dict[str, Any]:
    return {
        "FaceRecords": [
            {
                "Face": {
                    "FaceId": face_id,
                    "BoundingBox": face_detail(left, width)["BoundingBox"],
                    "ImageId": "99999999-9999-4999-8999-999999999999",
                    "ExternalImageId": f"photo-{photo_id}",
                    "Confidence": 99.9,
                },
                "FaceDetail": face_detail(left, width),
            }
            for face_id, left, width in faces
        ],
        "FaceModelVersion": "7.0",
        "UnindexedFaces": [],
    }


def index_params(user_id: int, photo_id: int) -> dict[str, Any]:
    return {
        "CollectionId": f"facealbum-user-{user_id}",
        "Image": {"Bytes": ANY},
        "ExternalImageId": f"photo-{photo_id}",
        "DetectionAttributes": ["DEFAULT"],
        "MaxFaces": 50,
        "QualityFilter": "AUTO",
    }


def search(stubber: Stubber, user_id: int, face_id: str, floor: float, matches: list) -> None:
    stubber.add_response(
        "search_faces",
        {
            "SearchedFaceId": face_id,
            "FaceMatches": [
                {
                    "Similarity": similarity,
                    "Face": {
                        "FaceId": match_id,
                        "BoundingBox": {"Width": 0.2, "Height": 0.3, "Left": 0.1, "Top": 0.1},
                        "ImageId": "99999999-9999-4999-8999-999999999999",
                        "Confidence": 99.9,
                    },
                }
                for match_id, similarity in matches
            ],
            "FaceModelVersion": "7.0",
        },
        {
            "CollectionId": f"facealbum-user-{user_id}",
            "FaceId": face_id,
            "MaxFaces": 100,
            "FaceMatchThreshold": floor,
        },
    )


def test_cloud_faces_are_indexed_placed_and_removed(
    api, rekognition: Stubber, runner: JobRunner, fixture_bytes
):
    account = api.register("nube")
    user_id = account.user["id"]
    albums = api.client.get("/api/v1/albums", headers=account.headers).json()
    profile = next(a for a in albums if a["kind"] == "profile")
    (profile_photo,) = api.client.get(
        f"/api/v1/albums/{profile['id']}/photos", headers=account.headers
    ).json()["items"]
    profile_photo_id = profile_photo["id"]

    # The first photo finds no collection: it is created, and the photo indexed again.
    rekognition.add_client_error(
        "index_faces",
        service_error_code="ResourceNotFoundException",
        http_status_code=400,
        expected_params=index_params(user_id, profile_photo_id),
    )
    rekognition.add_response(
        "create_collection",
        {"StatusCode": 200, "CollectionArn": "arn:aws:rekognition:x", "FaceModelVersion": "7.0"},
        {"CollectionId": f"facealbum-user-{user_id}"},
    )
    rekognition.add_response(
        "index_faces",
        index_response(profile_photo_id, [(ME, 0.3, 0.4)]),
        index_params(user_id, profile_photo_id),
    )
    assert runner.run_until_idle() == 1

    album = api.create_album(account, "Nube")
    group = api.upload(account, album["id"], fixture_bytes("group_two_people.jpg"))
    # Three faces come back; the 3 %-wide one (34 px) is too small and leaves the collection.
    rekognition.add_response(
        "index_faces",
        index_response(
            group["id"], [(BARACK_IN_GROUP, 0.22, 0.16), (JOE, 0.69, 0.13), (TINY, 0.5, 0.03)]
        ),
        index_params(user_id, group["id"]),
    )
    rekognition.add_response(
        "delete_faces",
        {"DeletedFaces": [TINY]},
        {"CollectionId": f"facealbum-user-{user_id}", "FaceIds": [TINY]},
    )
    search(rekognition, user_id, BARACK_IN_GROUP, 90.0, [(ME, 99.6)])
    search(rekognition, user_id, JOE, 90.0, [])
    search(rekognition, user_id, JOE, 95.0, [])  # grouping: nobody like him
    assert runner.run_until_idle() == 1

    mine = api.client.get("/api/v1/people/me/photos", headers=account.headers).json()
    assert [p["id"] for p in mine["items"]] == [group["id"], profile_photo_id]
    faces = api.client.get(f"/api/v1/photos/{group['id']}/faces", headers=account.headers).json()
    assert [(f["state"], f["person"] and f["person"]["is_me"]) for f in faces] == [
        ("auto", True),
        ("unassigned", None),
    ]
    assert faces[0]["similarity"] == 99.6

    named = api.client.patch(
        f"/api/v1/faces/{faces[1]['id']}", json={"name": "Joe"}, headers=account.headers
    )
    assert named.status_code == 200 and named.json()["person"]["name"] == "Joe"

    rekognition.add_response(
        "delete_faces",
        {"DeletedFaces": [BARACK_IN_GROUP, JOE]},
        {"CollectionId": f"facealbum-user-{user_id}", "FaceIds": [BARACK_IN_GROUP, JOE]},
    )
    assert (
        api.client.delete(f"/api/v1/photos/{group['id']}", headers=account.headers).status_code
        == 204
    )  # to the trash: the faces stay in the collection until the photo is purged
    emptied = api.client.delete("/api/v1/trash", headers=account.headers)
    assert emptied.status_code == 200 and emptied.json() == {"deleted": 1}

    rekognition.add_response(
        "delete_collection", {"StatusCode": 200}, {"CollectionId": f"facealbum-user-{user_id}"}
    )
    gone = api.client.request(
        "DELETE", "/api/v1/me", json={"current_password": account.password}, headers=account.headers
    )
    assert gone.status_code == 204, gone.text
