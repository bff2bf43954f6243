"""The files WhatsApp takes from a business, and the message that carries one.

A file goes in two calls: it is uploaded to the business number's media store (``POST
/{Phone-Number-ID}/media``, multipart, its MIME type given), which answers a media id,
and a message of the file's kind then names that id (``ImageMessage``,
``DocumentMessage``... in Meta's spec). Meta takes only the types it lists, each up to a
size of its own (developers.facebook.com, Cloud API "Supported media types", read
7 December 2026):

- pictures: JPEG and PNG, up to 5 MB, shown inline;
- video: MP4 and 3GPP, up to 16 MB; audio: AAC, AMR, MP3, MP4 and OGG audio, up to 16 MB;
- documents: plain text, PDF, Word, Excel and PowerPoint (old and new formats), up to
  100 MB, shown with their file name.

Anything else is refused before it is fetched from Slack, the staff member told why, as
for a file over the size (``ChannelCapabilities.file_limits``; ``handlers.thread_replies``).

    kind = media_kind("application/pdf")                     # "document"
    body = media_message("5511987654321", kind, "4490709327384033", "nota-fiscal.pdf")
"""

from __future__ import annotations

from typing import Any

JSON = dict[str, Any]
MB = 1024 * 1024

# each kind of media message, the MIME types it carries and the largest file of them
MEDIA: dict[str, tuple[frozenset[str], int]] = {
    "image": (frozenset({"image/jpeg", "image/png"}), 5 * MB),
    "video": (frozenset({"video/mp4", "video/3gpp"}), 16 * MB),
    "audio": (
        frozenset({"audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"}),
        16 * MB,
    ),
    "document": (
        frozenset(
            {
                "text/plain",
                "application/pdf",
                "application/msword",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.ms-excel",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            }
        ),
        100 * MB,
    ),
}
# what the channel's capabilities say: each type it takes, and the largest file of it
FILE_LIMITS: dict[str, int] = {
    mimetype: limit for types, limit in MEDIA.values() for mimetype in types
}
MAX_FILE_BYTES = max(FILE_LIMITS.values())
CAPTION_LIMIT = 1024  # Meta: a media caption is at most 1,024 characters


def media_kind(mimetype: str) -> str | None:
    """The message kind that carries a file of ``mimetype`` (image, video, audio,
    document), or None when WhatsApp does not take the type."""
    bare = mimetype.split(";", 1)[0].strip().lower()
    for kind, (types, _) in MEDIA.items():
        if bare in types:
            return kind
    return None


def media_message(to: str, kind: str, media_id: str, name: str, caption: str = "") -> JSON:
    """The send body of an uploaded file: a document keeps its file name (the shopper
    sees it), a caption goes under a picture, a video or a document (audio has none)."""
    media: JSON = {"id": media_id}
    if kind == "document" and name:
        media["filename"] = name
    if caption and kind != "audio":
        media["caption"] = caption[:CAPTION_LIMIT]
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": kind,
        kind: media,
    }
