"""What the StreamFields and rich-text fields of every app share.

Rich text stays simple on public pages: easy to read, easy to print.
"""

# Pages, the calendar and the directory: headings, bold, links, lists.
SIMPLE_RICH_TEXT = ["h2", "h3", "bold", "link", "ol", "ul"]
# The easy-to-read sheets (FALC): bold and links only.
EASY_RICH_TEXT = ["bold", "link"]
