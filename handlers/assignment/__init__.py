"""Assignment: who owns a shopper's conversation, and when the team is there for them.

With agents in the desk file (``agents:``: Slack member ID, languages, shifts), each new
card goes to an agent on shift who reads the shopper's language, round robin, and the
conversation's later cards stay with that owner while they are on shift (``owners``).
Staff take, release and reassign cards from their buttons (``clicks``); a card nobody
owns for a while is flagged in its thread (``unassigned``). "Out of hours" is nobody who
reads the shopper's language on shift, and the acknowledgement says when the next one
comes on (``handlers.inbound``); ``/borderdesk shifts`` shows who is on and the next 24
hours' gaps per language (``shifts_text``). Without agents none of this happens: cards
belong to the inbox and the team's hours are ``support:``'s, as before.

    owner = await assign_card(ctx, conversation_id, suggestion_id, "ja", now)
"""
