"""Look-ups by id, by point and by admin unit; the province as a constraint; geodesy against pyproj."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazetteer
from gazetteer import InvalidQueryError, UnknownProvinceError
from gazetteer.governorates import all_governorates, neighbours
from gazetteer.resolve import Gazetteer

TALBISEH = "gn:163779"


# -- ids ---------------------------------------------------------------------------------------------


def test_lookup__by_id_pcode_and_geonames_id(full: Gazetteer) -> None:
    place = full.place(TALBISEH)
    assert place is not None and place.name_ar == "تلبيسة"
    assert full.by_pcode("SY04") is not None and full.by_pcode("SY04").kind == "governorate"  # type: ignore[union-attr]
    assert full.by_pcode("sy040401") == place  # P-codes are case-insensitive
    assert full.by_geonames_id(163779) == place and full.by_geonames_id("163779") == place
    for ident in ("gn:163779", "SY040401", "163779", " SY040401 "):
        assert full.lookup_id(ident) == place, ident


@pytest.mark.parametrize("bad", [None, 3.5, True, "", "gn:0", "SY99", "not an id", b"SY04", ["SY04"], "²", "①"])
def test_lookup__unknown_or_foreign_ids_give_none(full: Gazetteer, bad: object) -> None:
    assert full.place(bad) is None
    assert full.by_pcode(bad) is None
    assert full.by_geonames_id(bad) is None
    assert full.lookup_id(bad) is None


def test_lookup__every_place_is_found_by_each_of_its_ids(full: Gazetteer) -> None:
    for p in full.places():
        assert full.place(p.id) == p
        if p.pcode:
            assert full.by_pcode(p.pcode) is not None
        if p.geonames_id:
            found = full.by_geonames_id(p.geonames_id)
            assert found is not None and (found == p or p.geonames_id in {found.geonames_id})


# -- browsing ----------------------------------------------------------------------------------------


def test_places__filters_by_governorate_district_subdistrict_and_kind(full: Gazetteer) -> None:
    every = list(full.places())
    homs_towns = list(full.places(governorate="حمص", kind="town"))
    expected = sorted(p.id for p in every if p.governorate.pcode == "SY04" and p.kind == "town")
    assert [p.id for p in homs_towns] == expected and len(expected) > 10
    rastan = list(full.places(district="SY0404", kind="any"))
    assert rastan and all(p.district is not None and p.district.pcode == "SY0404" for p in rastan)
    by_name = list(full.places(district="Al-Rastan", kind="any"))
    assert [p.id for p in by_name] == [p.id for p in rastan]
    sub = list(full.places(subdistrict="SY040401", kind="any"))
    assert TALBISEH in {p.id for p in sub}
    both = list(full.places(governorate="Homs", kind=["town", "city"]))
    assert {p.kind for p in both} == {"town", "city"}


def test_places__table_has_one_row_per_place(full: Gazetteer) -> None:
    table = full.places_table(governorate="Homs", kind="town")
    assert table.num_rows == len(list(full.places(governorate="Homs", kind="town")))
    assert set(table.column("governorate_pcode").to_pylist()) == {"SY04"}
    assert TALBISEH in table.column("id").to_pylist()


def test_places__bad_filters_are_clear_errors(full: Gazetteer) -> None:
    with pytest.raises(UnknownProvinceError):
        list(full.places(governorate="Narnia"))
    with pytest.raises(InvalidQueryError, match="kind must be one of"):
        list(full.places(kind="castle"))
    with pytest.raises(InvalidQueryError, match="no district"):
        list(full.places(district="SY9999"))


# -- by point ----------------------------------------------------------------------------------------


def test_nearest__talbiseh_and_the_module_function(full: Gazetteer) -> None:
    first = full.nearest(34.84, 36.73)
    assert [n.place.id for n in first] == [TALBISEH] and first[0].distance_m < 1_000


def _brute_nearest(g: Gazetteer, lat: float, lon: float, k: int, kinds: set[str] | None) -> list[str]:
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    scored = []
    for p in g.places():
        if kinds is None or p.kind in kinds:
            scored.append((geod.inv(lon, lat, p.lon, p.lat)[2], p.id))
    return [pid for _, pid in sorted(scored)[:k]]


def test_nearest__agrees_with_a_geodesic_scan(full: Gazetteer) -> None:
    rng = random.Random(4)
    populated = {"city", "town", "village"}
    points = [(rng.uniform(32.3, 37.3), rng.uniform(35.7, 42.3)) for _ in range(60)]
    points += [(48.85, 2.35), (-33.9, 151.2), (37.9, 36.1), (32.0, 42.6)]
    places = [(p.lat, p.lon) for p in full.places()]
    points += [(la + rng.uniform(-0.05, 0.05), lo + rng.uniform(-0.05, 0.05)) for la, lo in rng.choices(places, k=60)]
    for lat, lon in points:
        for k, kind, kinds in ((1, None, populated), (3, "any", None), (2, ["neighbourhood"], {"neighbourhood"})):
            got = [n.place.id for n in full.nearest(lat, lon, k=k, kind=kind, max_km=None)]
            assert got == _brute_nearest(full, lat, lon, k, kinds), (lat, lon, k, kind)


def test_nearest__max_km_and_bad_input(full: Gazetteer) -> None:
    assert full.nearest(48.85, 2.35, max_km=100) == []
    assert full.nearest(0, 0) == [] and full.nearest(0, 0, max_km=None)  # a missing coordinate is near nothing
    default = full.nearest(34.84, 36.73, k=1000, kind="any")
    assert default and max(n.distance_m for n in default) <= 100_000 < max(
        n.distance_m for n in full.nearest(34.84, 36.73, k=1000, kind="any", max_km=None)
    )
    near = full.nearest(34.84, 36.73, k=50, max_km=5)
    assert near and all(n.distance_m <= 5_000 for n in near)
    for bad in ({"lat": 91, "lon": 0}, {"lat": "34", "lon": 36}, {"lat": float("nan"), "lon": 36}):
        with pytest.raises(InvalidQueryError):
            full.nearest(bad["lat"], bad["lon"])
    with pytest.raises(InvalidQueryError):
        full.nearest(34.8, 36.7, k=0)
    with pytest.raises(InvalidQueryError):
        full.nearest(34.8, 36.7, max_km=-1)
    # a distance too large for a float is no limit, not an OverflowError
    assert full.nearest(34.84, 36.73, k=3, max_km=10**400) == full.nearest(34.84, 36.73, k=3, max_km=None)


def test_admin_of__agrees_with_the_admin_units_of_places(full: Gazetteer) -> None:
    """At a place's own point, the nearest subdistrict centre gives the place's governorate (the
    audit measured 288 of 290 for GeoNames points): here at least 95 % of the towns."""
    towns = [p for p in full.places() if p.kind in ("town", "city") and not p.admin_inferred]
    same = sum(full.admin_of(p.lat, p.lon).governorate.pcode == p.governorate.pcode for p in towns)  # type: ignore[union-attr]
    assert same >= 0.95 * len(towns)
    assert full.admin_of(48.85, 2.35) is None


# -- the province as a constraint ---------------------------------------------------------------------


def test_neighbours__symmetric_without_self_pairs_and_every_governorate_has_one() -> None:
    for g in all_governorates():
        around = neighbours(g.pcode)
        assert around and g.pcode not in around, g.name
        for other in around:
            assert g.pcode in neighbours(other)


MENTIONS = st.one_of(
    st.sampled_from(["Al-Hamidiyah", "Hamidiyeh", "Tell Abyad", "Mansura", "Qatana", "Talbiseh", "Qusayr", "Hama",
                     "الحميدية", "المنصورة", "Yarmouk", "Khan Shaykhun", "Tall", "Tell", "Ain"]),
    st.text(alphabet="aeiouhlmnrstbdkqyAEIOU '-", min_size=3, max_size=14),
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(mention=MENTIONS, province=st.sampled_from([g.pcode for g in all_governorates()]))
def test_property__answers_outside_the_province_are_exact_or_variant_in_a_neighbour(
    full: Gazetteer, mention: str, province: str
) -> None:
    for m in full.candidates(mention, province=province, limit=5):
        gov = m.place.governorate.pcode
        if gov != province:
            assert m.in_province is False
            assert m.tier in ("exact", "variant"), (mention, province, m.place.id, m.tier)
            assert gov in neighbours(province), (mention, province, m.place.id)
        else:
            assert m.in_province is True
    for m in full.candidates(mention, province=province, limit=5, strict_province=True):
        assert m.place.governorate.pcode == province and m.in_province is True


def test_resolve__min_confidence_filters_and_is_checked(full: Gazetteer) -> None:
    m = full.resolve("Talbiseh", min_confidence=0)
    assert m is not None and 0 < m.confidence <= 1
    assert full.resolve("Talbiseh", min_confidence=1.0) is None or m.confidence == 1.0
    for bad in (-0.1, 1.5, "high", True, float("nan")):
        with pytest.raises(InvalidQueryError):
            full.resolve("Talbiseh", min_confidence=bad)
    with pytest.raises(InvalidQueryError):
        full.resolve("Talbiseh", province="Homs", strict_province="yes")


# -- geodesy ------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    lat=st.floats(-80, 80), lon=st.floats(-179, 179),
    dlat=st.floats(-5, 5), dlon=st.floats(-5, 5),
)  # fmt: skip
def test_distance__within_2_mm_per_km_of_pyproj(lat: float, lon: float, dlat: float, dlon: float) -> None:
    from pyproj import Geod

    from gazetteer.geo import distance_m

    lat2, lon2 = max(-89.0, min(89.0, lat + dlat)), lon + dlon
    exact = Geod(ellps="WGS84").inv(lon, lat, lon2, lat2)[2]
    assert abs(distance_m(lat, lon, lat2, lon2) - exact) <= 0.002 * exact / 1000 + 0.001


def test_project__utm_and_a_clear_error_for_an_unknown_crs() -> None:
    from pyproj import Transformer

    from gazetteer.geo import project

    xs, ys = project([34.84072, None], [36.73092, None], "EPSG:32637")
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:32637", always_xy=True).transform(36.73092, 34.84072)
    assert xs[0] == pytest.approx(x) and ys[0] == pytest.approx(y) and xs[1] is None
    with pytest.raises(InvalidQueryError, match="coordinate reference system"):
        project([34.0], [36.0], "EPSG:999999")


def test_module_functions__mirror_the_methods() -> None:
    import importlib

    for module in ("gazetteer.geoparsing", "gazetteer.spot", "gazetteer.browse", "gazetteer.spatial"):
        importlib.import_module(module)  # importing a stage never hides a public function
    g = gazetteer.load()
    for name in ("place", "by_pcode", "by_geonames_id", "nearest", "admin_of", "places", "geoparse"):
        assert callable(getattr(gazetteer, name)), name
    assert gazetteer.place(TALBISEH) == g.place(TALBISEH)
    assert [n.place.id for n in gazetteer.nearest(34.84, 36.73)] == [TALBISEH]
