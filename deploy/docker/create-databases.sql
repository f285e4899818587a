-- one database per service
create database planning owner sakip;
create database realization owner sakip;
create database budget owner sakip;
create database reporting owner sakip;
