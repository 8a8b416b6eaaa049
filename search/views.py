from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode

from . import engine, logflush, querylog, results_cache
from .suggest import typing_suggestions
from .text import clean_query

RESULTS_PER_PAGE = 20


def search(request):
    """The search page, /recherche/?q=…; with format=json, the suggestions while typing.

    Anonymous readers' searches are counted in the query log (search/querylog.py) and
    answered from the results cache when they may be (search/results_cache.py); signed-in
    staff are neither counted nor cached.
    """
    if request.GET.get("format") == "json":
        return suggestions(request)
    exact = request.GET.get("exact") == "1"
    raw_query = request.GET.get("q", "")
    page_number = request.GET.get("page")
    sighting = None
    if not request.user.is_authenticated:
        sighting = querylog.sighting(clean_query(raw_query)[0])
    cache_key = None
    if sighting is not None and sighting.may_show and results_cache.is_enabled():
        cache_key = results_cache.key(clean_query(raw_query)[0], page_number, exact)
        entry = results_cache.get(cache_key)
        if entry is not None:
            if entry.counted:
                count(sighting, entry.found_anything)
            return entry.response()

    outcome = engine.search(raw_query, correct=not exact, request=request)
    page, page_is_wrong = pick_page(Paginator(outcome.hits, RESULTS_PER_PAGE), page_number)
    counted = bool(outcome.query) and page.number == 1 and not page_is_wrong and not outcome.unavailable
    if counted and sighting is not None:
        count(sighting, outcome.found_anything)
    response = render(
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
    if cache_key is not None and not outcome.unavailable:
        results_cache.store(cache_key, request, response, counted, outcome.found_anything)
    return response


def count(sighting, found_anything):
    querylog.record(sighting, found_anything)
    logflush.start_periodic_flush()


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
