"""Who may act and who may approve: one policy, the same for every workspace."""

from __future__ import annotations

from bot.staff import NOT_STAFF, Deed, StaffPolicy


class Group:
    """A workspace's lookup of a user group's members, recording what it was asked."""

    def __init__(self, members: frozenset[str] | None) -> None:
        self.members = members
        self.asked: list[str] = []

    async def __call__(self, group: str) -> frozenset[str] | None:
        self.asked.append(group)
        return self.members


async def test_without_users_or_a_group_anyone_may_act_but_nobody_approves() -> None:
    policy = StaffPolicy()
    assert policy.anyone
    assert await policy.may("U_ANYONE", Deed.ACT)
    assert not await policy.may("U_ANYONE", Deed.APPROVE)
    assert policy.approver == "a manager, and none is configured (set BORDERDESK_MANAGERS)"


async def test_listed_users_act_without_the_group_being_read() -> None:
    group = Group(frozenset({"U_MEMBER"}))
    policy = StaffPolicy(users=frozenset({"U_LEE"}), group="S_STAFF")
    assert await policy.may("U_LEE", Deed.ACT, group)
    assert group.asked == []


async def test_members_of_the_group_act_and_others_are_refused() -> None:
    group = Group(frozenset({"U_MEMBER"}))
    policy = StaffPolicy(group="S_STAFF")
    assert await policy.may("U_MEMBER", Deed.ACT, group)
    assert not await policy.may("U_STRANGER", Deed.ACT, group)
    assert group.asked == ["S_STAFF", "S_STAFF"]
    assert policy.refusal == NOT_STAFF


async def test_a_group_never_read_lets_only_the_listed_users_act() -> None:
    policy = StaffPolicy(users=frozenset({"U_LEE"}), group="S_STAFF")
    assert not await policy.may("U_MEMBER", Deed.ACT, Group(None))
    assert not await policy.may("U_MEMBER", Deed.ACT)  # no lookup at all


async def test_only_managers_approve_even_when_everyone_is_staff() -> None:
    policy = StaffPolicy(managers=frozenset({"U_NOOR"}))
    assert await policy.may("U_NOOR", Deed.APPROVE)
    assert not await policy.may("U_LEE", Deed.APPROVE)
    assert await policy.may("U_LEE", Deed.ACT)
    assert policy.approver == "a manager (BORDERDESK_MANAGERS)"
