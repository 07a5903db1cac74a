from django.urls import path

from . import views

app_name = "visits"
urlpatterns = [
    path("beacon/", views.beacon, name="beacon"),
    path("pixel.gif", views.pixel, name="pixel"),
]
