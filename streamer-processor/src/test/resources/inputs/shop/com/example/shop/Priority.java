package com.example.shop;

public enum Priority {
  LOW,
  NORMAL,
  HIGH
}
