"""Workshops: registration form, seat allocation, mails, calendar files, admin and schedules."""
