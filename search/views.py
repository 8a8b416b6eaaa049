from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode

from . import engine, querylog
from .suggest import typing_suggestions

RESULTS_PER_PAGE = 20


def search(request):
    """The search page, /recherche/?q=…; with format=json, the suggestions while typing."""
    if request.GET.get("format") == "json":
        return suggestions(request)
    exact = request.GET.get("exact") == "1"
    outcome = engine.search(request.GET.get("q", ""), correct=not exact, request=request)
    page, page_is_wrong = pick_page(Paginator(outcome.hits, RESULTS_PER_PAGE), request.GET.get("page"))
    if outcome.query and page.number == 1 and not page_is_wrong and not outcome.unavailable:
        querylog.log_search(outcome.query, outcome.found_anything)
    return render(
        request,
        "search/search.html",
        {
            "search_query": outcome.query,
            "outcome": outcome,
            "results": page,
            "page_is_wrong": page_is_wrong,
            "page_query": urlencode({"q": outcome.query, **({"exact": "1"} if exact else {})}),
            "max_hits": engine.MAX_HITS,
        },
    )


def pick_page(paginator, number):
    """The page of results asked for; the first one, and True, when the number is wrong."""
    if number in (None, ""):
        return paginator.page(1), False
    try:
        number = int(number)
    except ValueError:  # not a number, or thousands of digits
        return paginator.page(1), True
    if 1 <= number <= paginator.num_pages:
        return paginator.page(number), False
    return paginator.page(1), True


def suggestions(request):
    """Up to 8 suggestions for what is being typed, for the search fields' <datalist>."""
    return JsonResponse({"suggestions": typing_suggestions(request.GET.get("q", ""))})
