"""The CloudFormation stack: lints clean, and grants the instances exactly what the code calls."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = REPO_ROOT / "deploy" / "aws" / "facealbum.yaml"
SERVER = REPO_ROOT / "server"

# boto3 S3 operations -> the IAM action that authorizes them (HeadObject and presigned GETs are
# s3:GetObject, DeleteObjects is s3:DeleteObject per key, ListObjectsV2 and HeadBucket are
# s3:ListBucket on the bucket).
S3_ACTIONS = {
    "get_object": "s3:GetObject",
    "head_object": "s3:GetObject",
    "put_object": "s3:PutObject",
    "delete_object": "s3:DeleteObject",
    "delete_objects": "s3:DeleteObject",
    "list_objects_v2": "s3:ListBucket",
    "head_bucket": "s3:ListBucket",
}
# Only S3ObjectStore.ensure_bucket calls these, for moto/MinIO setups; the stack makes the bucket.
S3_SETUP_ONLY = {"create_bucket", "put_public_access_block"}
# Granted without a boto3 call of their own: Translate calls Comprehend as the caller when the
# source language is "auto"; the instance's start script reads the database secret.
INDIRECT_ACTIONS = {"comprehend:DetectDominantLanguage", "secretsmanager:GetSecretValue"}
# Actions that have no resource type, so "*" is the only Resource IAM accepts for them.
ACTIONS_WITHOUT_RESOURCES = {
    "rekognition:CompareFaces",
    "rekognition:DetectFaces",
    "rekognition:DetectLabels",
    "rekognition:DetectText",
    "translate:TranslateText",
    "translate:ListLanguages",
    "comprehend:DetectDominantLanguage",
}
_CLIENT_CALL = re.compile(r"(?:\bclient\(\)|\b_client|\bself\.client)\.([a-z0-9_]+)\(")
_INDIRECT_CALL = re.compile(
    r"(?:_call|get_paginator|generate_presigned_url)\(\s*\"([a-z0-9_]+)\"", re.MULTILINE
)
_NOT_OPERATIONS = {"get_paginator", "generate_presigned_url", "can_paginate", "close"}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    from cfnlint.decode import cfn_yaml

    loaded: dict[str, Any] = cfn_yaml.load(str(TEMPLATE))
    return loaded


def resources_of_type(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: r for name, r in template["Resources"].items() if r["Type"] == kind}


def as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def _camel(operation: str) -> str:
    return "".join(part.capitalize() for part in operation.split("_"))


def actions_the_code_calls() -> set[str]:
    """IAM actions for every AWS operation the server's boto3 clients make, found in the source."""
    actions: set[str] = set()
    for path in SERVER.rglob("*.py"):
        source = path.read_text()
        if "boto3" not in source and "client" not in source:
            continue
        operations = set(_CLIENT_CALL.findall(source)) | set(_INDIRECT_CALL.findall(source))
        operations -= _NOT_OPERATIONS
        if not operations:
            continue
        relative = path.relative_to(SERVER).as_posix()
        if relative.startswith("storage/"):
            unknown = operations - S3_ACTIONS.keys() - S3_SETUP_ONLY
            assert not unknown, f"{relative} calls S3 {unknown}: map them to IAM actions here"
            actions |= {S3_ACTIONS[op] for op in operations if op in S3_ACTIONS}
        elif relative.startswith("engines/translation/"):
            actions |= {f"translate:{_camel(op)}" for op in operations}
        elif relative.startswith("engines/") or relative == "people/indexer.py":
            actions |= {f"rekognition:{_camel(op)}" for op in operations}
        else:
            pytest.fail(f"{relative} makes AWS calls {operations}: give it a service here")
    return actions


def instance_role_statements(template: dict[str, Any]) -> list[dict[str, Any]]:
    role = template["Resources"]["InstanceRole"]["Properties"]
    return [s for policy in role["Policies"] for s in policy["PolicyDocument"]["Statement"]]


def test_template_lints_clean_including_informational_checks() -> None:
    from cfnlint.api import ManualArgs, lint_file

    matches = lint_file(TEMPLATE, config=ManualArgs(include_checks=["I"]))
    assert [str(m) for m in matches] == []


def test_the_source_scan_finds_the_calls_we_know_about() -> None:
    found = actions_the_code_calls()
    assert {"s3:PutObject", "s3:ListBucket", "rekognition:DetectText"} <= found
    assert {"translate:TranslateText", "rekognition:CompareFaces"} <= found


def test_instance_role_grants_exactly_the_actions_the_code_calls(template: dict[str, Any]) -> None:
    granted = {
        action
        for statement in instance_role_statements(template)
        if statement["Effect"] == "Allow"
        for action in as_list(statement["Action"])
    }
    assert granted == actions_the_code_calls() | INDIRECT_ACTIONS


def test_instance_role_has_no_wildcard_actions_and_scoped_resources(
    template: dict[str, Any],
) -> None:
    for statement in instance_role_statements(template):
        assert statement["Effect"] == "Allow"
        assert "NotAction" not in statement and "NotResource" not in statement
        actions = as_list(statement["Action"])
        assert all("*" not in action for action in actions), statement
        resources = as_list(statement["Resource"])
        if "*" in resources:
            assert set(actions) <= ACTIONS_WITHOUT_RESOURCES, statement
        for action in actions:
            if action.startswith("s3:"):
                # Only the photo bucket (ListBucket) or its objects (everything else).
                expected = (
                    {"Fn::GetAtt": ["PhotoBucket", "Arn"]}
                    if action == "s3:ListBucket"
                    else {"Fn::Sub": "${PhotoBucket.Arn}/*"}
                )
                assert resources == [expected], statement
            if action.startswith("secretsmanager:"):
                assert resources == [{"Ref": "DatabaseSecret"}], statement


def test_instance_role_uses_ssm_instead_of_ssh(template: dict[str, Any]) -> None:
    role = template["Resources"]["InstanceRole"]["Properties"]
    assert role["ManagedPolicyArns"] == [
        {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"}
    ]
    launch = template["Resources"]["LaunchTemplate"]["Properties"]["LaunchTemplateData"]
    assert "KeyName" not in launch
    assert launch["MetadataOptions"]["HttpTokens"] == "required"
    instance_group = template["Resources"]["InstanceSecurityGroup"]["Properties"]
    assert all(rule["FromPort"] != 22 for rule in instance_group["SecurityGroupIngress"])


def test_photo_bucket_is_private_encrypted_and_tls_only(template: dict[str, Any]) -> None:
    bucket = template["Resources"]["PhotoBucket"]
    block = bucket["Properties"]["PublicAccessBlockConfiguration"]
    assert block == {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": True,
        "IgnorePublicAcls": True,
        "RestrictPublicBuckets": True,
    }
    rules = bucket["Properties"]["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rules[0]["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in ("AES256", "aws:kms")
    assert bucket["DeletionPolicy"] == "Retain"
    (policy,) = resources_of_type(template, "AWS::S3::BucketPolicy").values()
    statements = policy["Properties"]["PolicyDocument"]["Statement"]
    assert all(s["Effect"] == "Deny" for s in statements), "the bucket policy only ever denies"
    assert any(
        s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}} and s["Action"] == "s3:*"
        for s in statements
    )


def test_database_is_private_encrypted_and_its_password_never_in_the_template(
    template: dict[str, Any],
) -> None:
    database = template["Resources"]["Database"]["Properties"]
    assert database["PubliclyAccessible"] is False
    assert database["StorageEncrypted"] is True
    subnets = template["Resources"][database["DBSubnetGroupName"]["Ref"]]["Properties"]
    assert subnets["SubnetIds"] == [{"Ref": "PrivateSubnetA"}, {"Ref": "PrivateSubnetB"}]
    for key in ("MasterUsername", "MasterUserPassword"):
        assert database[key]["Fn::Sub"].startswith("{{resolve:secretsmanager:${DatabaseSecret}")
    private_routes = [
        r["Properties"]
        for r in resources_of_type(template, "AWS::EC2::Route").values()
        if r["Properties"]["RouteTableId"] == {"Ref": "PrivateRouteTable"}
    ]
    assert all("GatewayId" not in route for route in private_routes), "no internet gateway"


def test_security_groups_chain_load_balancer_to_instances_to_database(
    template: dict[str, Any],
) -> None:
    res = template["Resources"]
    balancer = res["LoadBalancerSecurityGroup"]["Properties"]["SecurityGroupIngress"]
    assert sorted(rule["FromPort"] for rule in balancer) == [80, 443]
    (service,) = res["InstanceSecurityGroup"]["Properties"]["SecurityGroupIngress"]
    assert service["SourceSecurityGroupId"] == {"Ref": "LoadBalancerSecurityGroup"}
    assert (service["FromPort"], service["ToPort"]) == (8000, 8000)
    (mysql,) = res["DatabaseSecurityGroup"]["Properties"]["SecurityGroupIngress"]
    assert mysql["SourceSecurityGroupId"] == {"Ref": "InstanceSecurityGroup"}
    assert (mysql["FromPort"], mysql["ToPort"]) == (3306, 3306)


def test_load_balancer_checks_the_service_health_path(template: dict[str, Any]) -> None:
    group = template["Resources"]["ServiceTargetGroup"]["Properties"]
    assert group["HealthCheckPath"] == "/check"
    assert group["Port"] == 8000
    scaling = template["Resources"]["ServiceGroup"]["Properties"]
    assert scaling["HealthCheckType"] == "ELB"
    assert scaling["TargetGroupARNs"] == [{"Ref": "ServiceTargetGroup"}]


def test_user_data_configures_only_settings_the_service_reads(template: dict[str, Any]) -> None:
    from server.config import Settings

    launch = template["Resources"]["LaunchTemplate"]["Properties"]["LaunchTemplateData"]
    script = launch["UserData"]["Fn::Base64"]["Fn::Sub"][0]
    names = set(re.findall(r"^\s*(FACEALBUM_[A-Z_]+)=", script, re.MULTILINE))
    names |= set(re.findall(r'print\("(FACEALBUM_[A-Z_]+)=', script))
    read_by_main = {"FACEALBUM_LOG_LEVEL", "FACEALBUM_HOST", "FACEALBUM_PORT"}
    unknown = {
        n
        for n in names - read_by_main
        if n.removeprefix("FACEALBUM_").lower() not in Settings.model_fields
    }
    assert not unknown, f"user data sets settings the service does not have: {unknown}"
    assert {
        "FACEALBUM_STORAGE_BACKEND",
        "FACEALBUM_DATABASE_URL",
        "FACEALBUM_TRUSTED_PROXIES",
    } <= names
    assert "FACEALBUM_STORAGE_BACKEND=s3" in script
    assert "FACEALBUM_TRUSTED_PROXIES=1" in script  # the ALB appends exactly one hop
    assert "--port 8000" in script and "Restart=always" in script
