"""Slack, through Rasa's own Slack connector, configured from the environment (read in ``bot.settings``).

``SLACK_TOKEN`` and ``SLACK_SIGNING_SECRET`` turn it on (``SLACK_CHANNEL`` optionally names the one
channel it answers in besides direct messages and mentions); without them Slack is off and says so
once in the log. ``SLACK_API_URL`` points the Web API client elsewhere (the tests use a local
stand-in for Slack). Signatures and stale timestamps are checked by Rasa's connector; on top of
that, a Slack retry of an event already received is acknowledged without answering twice.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot import settings
from bot.plugins.channels import AlwaysAnswering

logger = logging.getLogger(__name__)

SEEN_EVENTS = 10_000


class SlackOff(InputChannel):
    """Stands in for Slack when it is not configured: no webhook, just a status route."""

    @classmethod
    def name(cls) -> str:
        return "slack"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("slack_off", __name__)

        @bp.route("/", methods=["GET"])
        async def status(_: Request) -> HTTPResponse:
            return response.json({"status": "off", "reason": "SLACK_TOKEN and SLACK_SIGNING_SECRET are not set"})

        return bp


class SlackApiBot(SlackBot):
    """Rasa's Slack output channel, posting to a configurable Web API URL, in Slack's markup."""

    def __init__(self, token: str, api_url: str, slack_channel: str | None = None, thread_id: str | None = None):
        super().__init__(token, slack_channel, thread_id)
        self.client = AsyncWebClient(token, base_url=api_url)

    async def _post_message(self, channel: str, **kwargs: Any) -> None:
        """Text sections as Slack mrkdwn (Rasa sends plain text with buttons), so markup renders."""
        for block in kwargs.get("blocks") or []:
            if block.get("type") == "section" and block.get("text", {}).get("type") == "plain_text":
                block["text"]["type"] = "mrkdwn"
        await super()._post_message(channel, **kwargs)


class SlackChannel(AlwaysAnswering, SlackInput):
    keeps_metadata = True  # made by the connector from Slack's request: where to post the answer

    @classmethod
    def name(cls) -> str:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        token, secret = settings.SLACK_TOKEN, settings.SLACK_SIGNING_SECRET
        if not (token and secret):
            logger.info("Slack channel is off: set SLACK_TOKEN and SLACK_SIGNING_SECRET to turn it on.")
            return SlackOff()
        channel = cls(
            token,
            settings.SLACK_CHANNEL,
            slack_retry_reason_header="x-slack-retry-reason",
            slack_retry_number_header="x-slack-retry-num",
            slack_signing_secret=secret,
        )
        channel.api_url = settings.SLACK_API_URL
        logger.info("Slack channel is on (Web API at %s).", channel.api_url)
        return channel

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api_url = settings.SLACK_API_URL
        self._seen: OrderedDict[str, None] = OrderedDict()

    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> OutputChannel:
        return SlackApiBot(self.slack_token, self.api_url, channel or self.slack_channel, thread_id)

    def _already_seen(self, request: Request) -> bool:
        """Remember event ids; True for one received before (a Slack retry)."""
        body = request.json if request.headers.get("content-type") == "application/json" else None
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if not event_id:
            return False
        if event_id in self._seen:
            return True
        self._seen[event_id] = None
        while len(self._seen) > SEEN_EVENTS:
            self._seen.popitem(last=False)
        return False

    async def process_message(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        sender_id: str | None,
        metadata: dict | None,
    ) -> Any:
        if self._already_seen(request):
            logger.info("Ignoring a repeated Slack event (retry %s).", request.headers.get(self.retry_num_header))
            return response.text("", headers={"X-Slack-No-Retry": "1"})
        return await super().process_message(request, on_new_message, text, sender_id, metadata)
